package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.ErlNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real erl calling jerl's built-ins with rpc:call and erpc:call, and getting erl's answers and error forms. */
class PeerFunctionsInteropTest {
    private static JerlWithErl cluster;
    private static JerlShell jerl;
    private static ErlNode erl;
    private static String j;

    @BeforeAll
    static void start() {
        cluster = new JerlWithErl();
        jerl = cluster.jerl;
        erl = cluster.erl;
        j = "'" + jerl.name() + "'";
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void rpcAndErpcFromErlRunJerlsPureBuiltins() {
        assertEquals("[1,2,3]", erl.eval("rpc:call(" + j + ", lists, seq, [1, 3])"));
        assertEquals("[1,2,3]", erl.eval("erpc:call(" + j + ", lists, seq, [1, 3])"));
        assertEquals("#{a => 1,b => 2}", erl.eval("rpc:call(" + j + ", maps, from_list, [[{a, 1}, {b, 2}]])"));
        assertEquals(erl.eval("string:uppercase(\"abc\")"), erl.eval("rpc:call(" + j + ", string, uppercase, [\"abc\"])"));
        assertEquals("[2,4]", erl.eval("rpc:call(" + j + ", lists, map, [fun erlang:abs/1, [-2, 4]])"));
        assertEquals("true", erl.eval("rpc:call(" + j + ", erlang, system_info, [otp_release]) =:= \""
                + DistributionBuiltins.OTP_RELEASE + "\""), "jerl names the OTP release it follows");
    }

    @Test
    void aBadargOnJerlReachesErlInRpcAndErpcForms() {
        String rpc = erl.eval("rpc:call(" + j + ", erlang, atom_to_list, [1])");
        assertTrue(rpc.startsWith("{badrpc,{'EXIT',{badarg,"), rpc);
        assertEquals("{error,{exception,badarg}}", erl.eval("try erpc:call(" + j + ", erlang, atom_to_list, [1])"
                + " catch C:{exception, R, _Stack} -> {C, {exception, R}} end"));
        assertEquals("{badrpc,{'EXIT',{undef,[{nomod,f,[],[]}]}}}", erl.eval("rpc:call(" + j + ", nomod, f, [])"));
        assertEquals("{throw,x}", erl.eval("try erpc:call(" + j + ", erlang, throw, [x]) catch C2:R2 -> {C2, R2} end"));
    }

    @Test
    void outputOfACalledFunctionPrintsWhereTheCallerSits() {
        assertEquals("ok", erl.eval("rpc:call(" + j + ", io, format, [\"printed by jerl ~p~n\", [42]])"));
        erl.awaitOutput("printed by jerl 42", Duration.ofSeconds(10));
        assertTrue(!jerl.standardOutput.toString().contains("printed by jerl"), "nothing printed on the jerl side");
    }

    @Test
    void jerlCallsItselfThroughTheSameTable() throws Exception {
        assertEquals("[1,2,3]", jerl.eval("rpc:call(node(), lists, seq, [1, 3])."));
        assertEquals("[1,2,3]", jerl.eval("erpc:call(node(), lists, seq, [1, 3])."));
    }
}
