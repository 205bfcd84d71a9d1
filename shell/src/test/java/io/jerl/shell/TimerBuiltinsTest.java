package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.ErlNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** erlang's send_after/start_timer/cancel_timer/read_timer and timer's send_after/apply_after/cancel. */
class TimerBuiltinsTest {
    private static JerlWithErl cluster;
    private static JerlShell jerl;

    @BeforeAll
    static void start() {
        cluster = new JerlWithErl();
        jerl = cluster.jerl;
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void sendAfterAndStartTimerDeliverOnceTheTimeIsUp() throws Exception {
        assertEquals("true", jerl.eval("R1 = erlang:send_after(10, self(), tick), is_reference(R1)."));
        assertEquals("tick", jerl.eval("receive tick -> tick after 10000 -> timeout end."));
        assertEquals("true", jerl.eval("R2 = erlang:start_timer(0, self(), tock),"
                + " receive {timeout, R2, tock} -> true after 10000 -> timeout end."));
        jerl.eval("register(timed, self()), erlang:send_after(5, timed, by_name).");
        assertEquals("by_name", jerl.eval("receive by_name -> by_name after 10000 -> timeout end."));
        assertEquals("true", jerl.eval("is_reference(erlang:send_after(1, no_such_name, lost))."));
        assertEquals("false", jerl.eval("erlang:cancel_timer(R1)."), "it has fired");
    }

    @Test
    void cancelAndReadTimerGiveTheTimeLeftOrFalse() throws Exception {
        jerl.eval("R = erlang:send_after(100000, self(), never).");
        assertTrue(Long.parseLong(jerl.eval("erlang:read_timer(R).")) > 90000);
        long left = Long.parseLong(jerl.eval("erlang:cancel_timer(R)."));
        assertTrue(left > 90000 && left <= 100000, "left " + left);
        assertEquals("false", jerl.eval("erlang:cancel_timer(R)."));
        assertEquals("false", jerl.eval("erlang:read_timer(R)."));
        assertEquals("false", jerl.eval("erlang:cancel_timer(make_ref())."));
        for (String bad : new String[] {"erlang:send_after(-1, self(), x).", "erlang:send_after(a, self(), x).",
            "erlang:send_after(4294967296, self(), x).", "erlang:send_after(1, 1, x).", "erlang:cancel_timer(a).",
            "erlang:start_timer(1, {a, b}, x)."}) {
            assertEquals("error:badarg", jerl.error(bad), bad);
        }
    }

    @Test
    void timerModuleHandsOutOtp25TimerRefs() throws Exception {
        assertEquals("send_local", jerl.eval("{ok, {K1, _} = T1} = timer:send_after(100000, self(), y), K1."));
        assertEquals("{ok,cancel}", jerl.eval("timer:cancel(T1)."));
        assertEquals("instant", jerl.eval("{ok, {K2, _}} = timer:send_after(0, self(), now_), K2."));
        assertEquals("now_", jerl.eval("receive now_ -> now_ after 0 -> timeout end."));
        assertEquals("once", jerl.eval("{ok, {K3, _}} = timer:send_after(5, {timed2, node()}, z), K3."));
        assertEquals("send_local", jerl.eval("{ok, {K4, _}} = timer:send_after(5, later), K4."));
        assertEquals("later", jerl.eval("receive later -> later after 10000 -> timeout end."));
        assertEquals("{error,badarg}", jerl.eval("timer:send_after(-1, self(), y)."));
        assertEquals("{error,badarg}", jerl.eval("timer:send_after(a, self(), y)."));
        assertEquals("{error,badarg}", jerl.eval("timer:send_after(1, 1, y)."));
        assertEquals("{error,badarg}", jerl.eval("timer:cancel(a)."));
        assertEquals("{error,badarg}", jerl.eval("timer:apply_after(1, 1, f, [])."));
        jerl.eval("Me = self(), {ok, {once, _}} = timer:apply_after(5, erlang, send, [Me, applied]).");
        assertEquals("applied", jerl.eval("receive applied -> applied after 10000 -> timeout end."));
    }

    @Test
    void timerSendAfterReachesANameOnARealErl() throws Exception {
        ErlNode erl = cluster.erl;
        erl.eval("register(waiting, self())");
        assertEquals("once", jerl.eval("{ok, {K, _}} = timer:send_after(5, {waiting, " + erl.atom() + "}, ding), K."));
        assertEquals("ding", erl.eval("receive ding -> ding after 10000 -> timeout end", Duration.ofSeconds(15)));
    }
}
