package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.AcrossReleases;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlangRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * rpc and erpc from the jerl shell to a real erl of each tested release, to jerl itself and to a node nobody runs,
 * with erl's answers.
 */
@AcrossReleases
class RpcBuiltinsInteropTest {
    @Parameter
    ErlangRelease release;

    private static JerlWithErl cluster;
    private static JerlShell jerl;
    private static ErlNode erl;
    private static String e;

    @BeforeParameterizedClassInvocation
    static void start(ErlangRelease release) throws Exception {
        cluster = new JerlWithErl(release);
        jerl = cluster.jerl;
        erl = cluster.erl;
        e = erl.atom();
        assertEquals("pong", jerl.eval("net_adm:ping(" + e + ")."));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        cluster.close();
    }

    @Test
    void erpcCallGivesTheValueOrRaisesErpcsExceptions() throws Exception {
        assertEquals("[1,2,3]", jerl.eval("erpc:call(" + e + ", lists, seq, [1, 3])."));
        assertEquals(erl.name(), jerl.eval("erpc:call(" + e + ", erlang, node, [], 5000)."));
        String badarg = jerl.error("erpc:call(" + e + ", erlang, atom_to_list, [1]).").replaceAll("\\s+", "");
        assertTrue(badarg.startsWith("error:{exception,badarg,[{erlang,atom_to_list,[1]"), badarg);
        assertEquals("throw:x", jerl.error("erpc:call(" + e + ", erlang, throw, [x])."));
        assertEquals("exit:{exception,x}", jerl.error("erpc:call(" + e + ", erlang, exit, [x])."));
        assertEquals("error:{erpc,noconnection}", jerl.error("erpc:call('nobody@nohost', lists, seq, [1, 3])."));
        assertEquals("error:{erpc,badarg}", jerl.error("erpc:call(1, lists, seq, [1, 3])."));
        assertEquals("error:{erpc,badarg}", jerl.error("erpc:call(" + e + ", lists, seq, [1, 3], foo)."));
        assertEquals("error:{erpc,timeout}", jerl.error("erpc:call(" + e + ", timer, sleep, [5000], 100)."));
        assertEquals("exit:{exception,y}", jerl.error("erpc:call(node(), erlang, exit, [y])."));
    }

    @Test
    void rpcCallTakesMillisecondsOrInfinity() throws Exception {
        assertEquals("[1,2]", jerl.eval("rpc:call(" + e + ", lists, seq, [1, 2], infinity)."));
        assertEquals("[1,2]", jerl.eval("rpc:call(" + e + ", lists, seq, [1, 2], 5000)."));
    }

    @Test
    void multicallsAnswerPerNodeInErlsForms() throws Exception {
        String j = jerl.name();
        assertEquals("[{ok," + erl.name() + "},{ok," + j + "},{error,{erpc,noconnection}}]",
                jerl.eval("erpc:multicall([" + e + ", node(), 'nobody@nohost'], erlang, node, [])."));
        assertEquals("[{throw,1},{exit,{exception,1}}]", jerl.eval("[hd(erpc:multicall([" + e + "], erlang, T, [1]))"
                + " || T <- [throw, exit]]."));
        assertEquals("error:{erpc,badarg}", jerl.error("erpc:multicall(a, erlang, node, [])."));
        assertEquals("{[" + erl.name() + "],[nobody@nohost]}",
                jerl.eval("rpc:multicall([" + e + ", 'nobody@nohost'], erlang, node, [])."));
        assertEquals("{[" + j + "," + erl.name() + "],[]}", jerl.eval("rpc:multicall(erlang, node, [])."));
        assertEquals("{[" + j + "," + erl.name() + "],[]}", jerl.eval("rpc:multicall(erlang, node, [], 5000)."));
        assertEquals("{[1],[]}", jerl.eval("rpc:multicall([" + e + "], erlang, throw, [1])."));
        assertEquals("{[{badrpc,{'EXIT',1}}],[]}", jerl.eval("rpc:multicall([" + e + "], erlang, exit, [1], 5000)."));
        assertEquals("error:badarg", jerl.error("rpc:multicall(a, erlang, exit, [1])."));
    }

    @Test
    void asyncCallsAreCollectedWithYield() throws Exception {
        jerl.eval("K1 = rpc:async_call(" + e + ", lists, seq, [1, 3]), K2 = rpc:async_call(" + e + ", timer, sleep, [60000]).");
        assertEquals("[1,2,3]", jerl.eval("rpc:yield(K1)."));
        assertEquals("error:badarg", jerl.error("rpc:yield(K1)."), "a key is yielded once");
        assertEquals("timeout", jerl.eval("rpc:nb_yield(K2)."));
        assertEquals("timeout", jerl.eval("rpc:nb_yield(K2, 50)."));
        jerl.eval("K3 = rpc:async_call(" + e + ", erlang, atom_to_list, [1]).");
        assertTrue(jerl.eval("rpc:nb_yield(K3, 10000).").replaceAll("\\s+", "").startsWith("{value,{badrpc,{'EXIT',{badarg,"));
        assertEquals("{value,{badrpc,nodedown}}",
                jerl.eval("rpc:nb_yield(rpc:async_call('nobody@nohost', erlang, node, []), 30000)."));
        assertEquals("error:badarg", jerl.error("rpc:async_call(1, erlang, node, [])."));
    }

    @Test
    void castsRunAndNobodyWaits() throws Exception {
        jerl.eval("register(caster, self()).");
        assertEquals("true", jerl.eval("rpc:cast(" + e + ", erlang, send, [{caster, node()}, by_rpc_cast])."));
        assertEquals("ok", jerl.eval("erpc:cast(" + e + ", erlang, send, [{caster, node()}, by_erpc_cast])."));
        assertEquals("[by_rpc_cast,by_erpc_cast]", jerl.eval("[receive by_rpc_cast = A -> A after 10000 -> timeout end,"
                + " receive by_erpc_cast = B -> B after 10000 -> timeout end]."));
        assertEquals("true", jerl.eval("rpc:cast(node(), erlang, send, [caster, local_cast])."));
        assertEquals("local_cast", jerl.eval("receive local_cast = C -> C after 10000 -> timeout end."));
        assertEquals("true", jerl.eval("rpc:cast('nobody@nohost', erlang, node, [])."));
        assertEquals("error:badarg", jerl.error("rpc:cast(1, erlang, node, [])."));
        assertEquals("error:{erpc,badarg}", jerl.error("erpc:cast(1, erlang, node, [])."));
    }
}
