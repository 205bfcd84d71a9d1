package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.shell.builtins.Builtins;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.repl.FormEvaluator;
import io.jerl.testing.ErlTools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on the terminal interrupts the thread evaluating a form: the shell reports it in erl's words, forgets
 * the form's bindings, goes on in a fresh shell process, and the node stays up.
 */
class ShellSessionInterruptTest {

    @Test
    void anInterruptedReceiveEndsTheFormNotTheShell() throws Exception {
        ExecutorService shellThread = Executors.newSingleThreadExecutor();
        try (Node node = Node.start(NodeName.shortName(ErlTools.uniqueName("intr")), ErlTools.randomCookie(),
                NodeOptions.defaults().withEpmdPort(ErlTools.freePort()))) {
            BuiltinRegistry registry = new BuiltinRegistry();
            Builtins.registerPure(registry);
            NodeBuiltins.register(registry, node, Global.start(node, false));
            ShellSession session = new ShellSession(node, registry);
            AtomicReference<Thread> evaluating = new AtomicReference<>();
            shellThread.submit(() -> evaluating.set(Thread.currentThread())).get();

            assertEquals("true\n", eval(shellThread, session, "P = self(), register(shell, P).", 1).text());
            Future<FormEvaluator.Outcome> blocked = shellThread.submit(
                    () -> evaluate(session, "X = 1, receive never_sent -> ok end.", 2));
            Thread t = evaluating.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // Waiting in receive, not still idle in the executor's queue (an interrupt there is swallowed).
            while (!blockedInReceive(t) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            t.interrupt();
            FormEvaluator.Outcome out = blocked.get(20, TimeUnit.SECONDS);
            assertEquals("** exception exit: interrupted\n", out.text());
            assertEquals(FormEvaluator.Kind.RAISED, out.kind(), "the shell goes on");

            assertEquals("false\n", eval(shellThread, session, "Thread = self(), P =:= Thread.", 3).text(),
                    "a fresh shell process");
            assertEquals("* 1:1: variable 'X' is unbound\n", eval(shellThread, session, "X.", 4).text(),
                    "the interrupted form's bindings are gone");
            assertEquals("undefined\n", eval(shellThread, session, "whereis(shell).", 5).text(),
                    "the old shell process ended, its name with it");
            assertFalse(shellThread.submit(() -> Thread.currentThread().isInterrupted()).get(),
                    "the interrupt is used up");
        } finally {
            shellThread.shutdownNow();
        }
    }

    private static boolean blockedInReceive(Thread t) {
        return t.getState() == Thread.State.WAITING && java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().endsWith("Mailbox") && f.getMethodName().equals("receive"));
    }

    private static FormEvaluator.Outcome eval(ExecutorService thread, ShellSession s, String form, int n)
            throws Exception {
        return thread.submit(() -> evaluate(s, form, n)).get(20, TimeUnit.SECONDS);
    }

    private static FormEvaluator.Outcome evaluate(ShellSession s, String form, int n) {
        ParseResult r = ExprParser.parse(form);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error in " + form + ": " + r);
        }
        return s.evaluate(new FormEvaluator.Form(form, p.exprs(), n));
    }
}
