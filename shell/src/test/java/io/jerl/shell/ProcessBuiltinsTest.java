package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spawn family, links, trap_exit, send/2,3 and process_info, on jerl and with a real erl on the other side. */
class ProcessBuiltinsTest {
    private final String cookie = ErlTools.randomCookie();
    private Epmd epmd;
    private JerlShell jerl;

    @BeforeEach
    void start() {
        epmd = Epmd.start();
        jerl = new JerlShell(cookie, epmd.port());
    }

    @AfterEach
    void stop() {
        jerl.close();
        epmd.close();
    }

    @Test
    void spawnLinkAndMonitorHearTheRealExitReasonOfAProcessThatEndsAtOnce() throws Exception {
        assertEquals("false", jerl.eval("process_flag(trap_exit, true)."));
        assertEquals("true", jerl.eval("process_flag(trap_exit, true)."));
        jerl.eval("L = spawn_link(fun() -> exit(boom) end).");
        assertEquals("boom", jerl.eval("receive {'EXIT', L, Why} -> Why after 10000 -> timeout end."));
        jerl.eval("{M, Ref} = spawn_monitor(erlang, exit, [bang]).");
        assertEquals("bang", jerl.eval("receive {'DOWN', Ref, process, M, R} -> R after 10000 -> timeout end."));
        jerl.eval("L3 = spawn_link(lists, seq, [1, 3]).");
        assertEquals("normal", jerl.eval("receive {'EXIT', L3, N} -> N after 10000 -> timeout end."));
        jerl.eval("{M2, Ref2} = spawn_monitor(" + jerl.name() + ", fun() -> exit(here) end).");
        assertEquals("here", jerl.eval("receive {'DOWN', Ref2, process, M2, R2} -> R2 after 10000 -> timeout end."));
        assertEquals("true", jerl.eval("process_flag(trap_exit, false)."));
    }

    @Test
    void spawnOfMfaRunsTheShellsFunctionsAndAnUnknownOneDiesOfUndef() throws Exception {
        jerl.eval("Self = self(), spawn(erlang, send, [Self, from_mfa]).");
        assertEquals("from_mfa", jerl.eval("receive from_mfa = X -> X after 10000 -> timeout end."));
        jerl.eval("{U, UR} = spawn_monitor(nomod, f, []).");
        assertEquals("{undef,[{nomod,f,[],[]}]}",
                jerl.eval("receive {'DOWN', UR, process, U, Why} -> Why after 10000 -> timeout end."));
        assertEquals("false", jerl.eval("is_process_alive(U)."));
        assertEquals("true", jerl.eval("is_process_alive(self())."));
    }

    @Test
    void aLinkedProcessThatDiesTakesTheShellProcessWithItAsInErl() throws Exception {
        ShellSession session = new ShellSession(jerl.node, Main.builtins(jerl.node, jerl.global));
        assertEquals("** exception exit: boom\n", evaluate(session, "spawn_link(fun() -> exit(boom) end), timer:sleep(500).", 1));
        String fresh = evaluate(session, "self().", 2);
        assertEquals("true\n", evaluate(session, "is_process_alive(self()).", 3));
        evaluate(session, "register(old_shell, self()), spawn_link(fun() -> timer:sleep(100), exit(later) end).", 4);
        for (int i = 0; i < 400 && jerl.node.whereis("old_shell") != null; i++) {
            Thread.sleep(50); // the name goes with the shell process
        }
        assertEquals("** exception exit: later\n1\n", evaluate(session, "1.", 5), "reported before the next form");
        assertTrue(!evaluate(session, "self().", 6).equals(fresh), "a new shell process");
    }

    private static String evaluate(ShellSession s, String form, int n) {
        return s.evaluate(new io.jerl.shell.repl.FormEvaluator.Form(form,
                ((io.jerl.grammar.ParseResult.Parsed) io.jerl.grammar.ExprParser.parse(form)).exprs(), n)).text();
    }

    @Test
    void badArgumentsAreBadargAsInErl() throws Exception {
        for (String bad : new String[] {"spawn(1).", "spawn(1, fun() -> ok end).", "spawn(node(), 1).",
            "spawn(1, f, []).", "spawn(lists, seq, [a | b]).", "spawn(\"x\", lists, seq, [1, 2]).",
            "spawn_monitor(1).", "spawn_link(lists, 1, []).", "unlink(a).", "process_flag(trap_exit, maybe).",
            "process_flag(foo, true).", "is_process_alive(a).", "erlang:send(nobody_here, hi).", "erlang:send(1, hi).",
            "erlang:send(self(), hi, [foo]).", "erlang:send(self(), hi, foo).", "process_info(a).",
            "process_info(self(), foo).", "process_info(self(), [messages, foo])."}) {
            assertEquals("error:badarg", jerl.error(bad), bad);
        }
    }

    @Test
    void sendUnlinkAndGroupLeader() throws Exception {
        assertEquals("hi", jerl.eval("erlang:send(self(), hi)."));
        assertEquals("ok", jerl.eval("erlang:send(self(), ho, [noconnect, nosuspend])."));
        assertEquals("[hi,ho]", jerl.eval("[receive hi -> hi end, receive ho -> ho end]."));
        jerl.eval("P = spawn(fun() -> receive stop -> ok end end), link(P).");
        assertEquals("{links,[" + jerl.eval("P.") + "]}", jerl.eval("process_info(self(), links)."));
        assertEquals("true", jerl.eval("unlink(P)."));
        assertEquals("{links,[]}", jerl.eval("process_info(self(), links)."));
        assertEquals("true", jerl.eval("unlink(self())."));
        assertEquals("true", jerl.eval("is_pid(group_leader())."));
    }

    @Test
    void processInfoAnswersTheItemsJerlKnows() throws Exception {
        jerl.eval("P = spawn(fun() -> receive stop -> ok end end), register(worker, P), Ref = monitor(process, P).");
        jerl.eval("self() ! one, self() ! {two, 2}.");
        assertEquals("[{message_queue_len,2},{messages,[one,{two,2}]},{status,running}]",
                jerl.eval("process_info(self(), [message_queue_len, messages, status])."));
        assertEquals("[]", jerl.eval("process_info(self(), registered_name)."));
        assertEquals("{registered_name,worker}", jerl.eval("process_info(P, registered_name)."));
        assertEquals("{monitored_by,[" + jerl.eval("self().") + "]}", jerl.eval("process_info(P, monitored_by)."));
        awaitWaiting();
        assertEquals("{status,waiting}", jerl.eval("process_info(P, status)."));
        assertEquals("[registered_name,status,message_queue_len,links,trap_exit,group_leader]",
                jerl.eval("[K || {K, _} <- process_info(P)]."));
        jerl.eval("P ! stop, receive {'DOWN', Ref, process, P, _} -> ok end.");
        assertEquals("undefined", jerl.eval("process_info(P)."));
        assertEquals("undefined", jerl.eval("process_info(P, messages)."));
        assertEquals("2", jerl.eval("length(element(2, process_info(self(), messages)))."), "messages stay queued");
    }

    private void awaitWaiting() throws InterruptedException {
        for (int i = 0; i < 200 && !jerl.eval("process_info(P, status).").equals("{status,waiting}"); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void spawnOnARealErlRunsThereAndLinksAndMonitorsWork() throws Exception {
        try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            String e = erl.atom();
            jerl.eval("Self = self(), P = spawn(" + e + ", erlang, send, [Self, from_erl]).");
            assertEquals("from_erl", jerl.eval("receive from_erl = M -> M after 10000 -> timeout end."));
            assertEquals(erl.name(), jerl.eval("node(P)."));
            jerl.eval("{MP, MR} = spawn_monitor(" + e + ", fun erlang:processes/0).");
            assertEquals("normal", jerl.eval("receive {'DOWN', MR, process, MP, R} -> R after 10000 -> timeout end."));
            jerl.eval("process_flag(trap_exit, true), LP = spawn_link(" + e + ", erlang, exit, [bye]).");
            assertEquals("bye", jerl.eval("receive {'EXIT', LP, W} -> W after 10000 -> timeout end."));
            assertTrue(jerl.error("spawn(" + e + ", fun() -> ok end).").startsWith("error:{notsup,"),
                    "a shell fun cannot run on erl");
        }
    }

    @Test
    void spawnOnANodeThatCannotBeReachedGivesAPidThatEndsWithNoconnection() throws Exception {
        jerl.eval("{P, R} = spawn_monitor('nobody@nohost', lists, seq, [1, 2]).");
        assertEquals("noconnection", jerl.eval("receive {'DOWN', R, process, P, Why} -> Why after 40000 -> timeout end."));
        assertEquals("true", jerl.eval("is_pid(spawn('nobody@nohost', lists, seq, [1, 2]))."));
    }
}
