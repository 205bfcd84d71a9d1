package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `jerl -sname NAME -setcookie C` runs a node and its shell: a real erl pings it, seed 000's exchange works from
 * piped input, and the end of input stops it cleanly.
 */
class MainInteropTest {
    private static void type(PipedOutputStream keyboard, String text) throws java.io.IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static void awaitText(ByteArrayOutputStream out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(text), "waiting for " + text + " in:\n" + out);
    }

    @Test
    void theRunCommandStartsANodeErlCanPingAndEndOfInputStopsIt() throws Exception {
        String cookie = ErlTools.randomCookie();
        String alive = ErlTools.uniqueName("bus");
        String jerlNode = "'" + alive + "@" + ErlTools.shortHostName() + "'";
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("car")).cookie(cookie).epmdPort(epmd.port()).start()) {
            PipedOutputStream keyboard = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keyboard);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            String[] args = {"-sname", alive, "-setcookie", cookie, "-kernel", "inet_dist_listen_min", "0"};
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> Main.run(args, in, ps, ps, epmd.port()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String prompt = "(" + alive + "@" + ErlTools.shortHostName() + ")";
            while (!out.toString(StandardCharsets.UTF_8).contains(prompt + "1> ") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(prompt + "1> "), out.toString());
            assertEquals("pong", erl.eval("net_adm:ping(" + jerlNode + ")"));

            // Seed 000 with jerl as bus: register, a message from erl by {Name, Node}, flush, and the answer.
            type(keyboard, "register(shell, self()).\n");
            awaitText(out, prompt + "2> ");
            erl.eval("{shell, " + jerlNode + "} ! {hello, from, self()}");
            erl.eval("register(shell, self())");
            // erl's ! returns before the message lands; wait for it, put it back, then flush as the seed does.
            type(keyboard, "receive Hello -> self() ! Hello end.\n");
            awaitText(out, prompt + "3> ");
            type(keyboard, "flush().\n");
            awaitText(out, prompt + "4> ");
            type(keyboard, "{shell, '" + erl.name() + "'} ! {\"It speaks!\", from, self()}.\n");
            assertEquals("true", erl.eval("receive {\"It speaks!\", from, P} -> node(P) =:= " + jerlNode
                    + " after 10000 -> timeout end"));
            type(keyboard, "true = net_kernel:connect_node('nobody@nowhere').\n");
            awaitText(out, prompt + "6> ");
            String transcript = out.toString(StandardCharsets.UTF_8);
            assertTrue(transcript.contains(prompt + "1> true\n"), transcript);
            assertTrue(transcript.matches("(?s).*" + java.util.regex.Pattern.quote(prompt + "3> Shell got {hello,from,<")
                    + "\\d+\\.\\d+\\.\\d+>}\nok\n.*"), transcript);
            assertTrue(transcript.contains("** exception error: no match of right hand side value false"), transcript);
            assertEquals("ok", erl.eval("global:sync()", java.time.Duration.ofSeconds(5)), "jerl takes part in global");

            keyboard.close();
            assertEquals(0, exit.get(20, TimeUnit.SECONDS));
            assertEquals("false", erl.eval("lists:keymember(\"" + alive + "\", 1, element(2, net_adm:names()))"),
                    "jerl left EPMD when it stopped");
        }
    }

    /** Runs jerl -sname alive on piped input to its end; its transcript, once it exited with status 0. */
    private static String runPiped(Epmd epmd, String alive, String cookie, String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = {"-sname", alive, "-setcookie", cookie};
        int status = CompletableFuture.supplyAsync(() -> Main.run(args,
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), ps, ps, epmd.port()))
                .get(60, TimeUnit.SECONDS);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void qLeavesEpmdAndClosesTheConnectionsBeforeTheEndOfInput() throws Exception {
        String cookie = ErlTools.randomCookie();
        String alive = ErlTools.uniqueName("q");
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("car")).cookie(cookie).epmdPort(epmd.port()).start()) {
            String transcript = runPiped(epmd, alive, cookie, "net_adm:ping('" + erl.name() + "').\nq().\nio:format(\"not read~n\").\n");
            assertTrue(transcript.endsWith("1> pong\n(" + alive + "@" + ErlTools.shortHostName() + ")2> ok\n"), transcript);
            assertEquals("false", erl.eval("lists:keymember(\"" + alive + "\", 1, element(2, net_adm:names()))"));
            assertEquals("[]", erl.eval("(fun W(0) -> nodes(); W(N) -> case nodes() of [] -> []; _ -> "
                    + "timer:sleep(100), W(N - 1) end end)(100)"), "the connection is closed");
        }
    }

    @Test
    void nregsListsTheRegisteredProcessesOfEveryConnectedNode() throws Exception {
        String cookie = ErlTools.randomCookie();
        String alive = ErlTools.uniqueName("regs");
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("car")).cookie(cookie).epmdPort(epmd.port()).start()) {
            String transcript = runPiped(epmd, alive, cookie, "register(shell, self()).\nnet_adm:ping('" + erl.name() + "').\nnregs().\n");
            String own = "\n** Registered procs on node " + alive + "@" + ErlTools.shortHostName() + " **\n";
            String theirs = "\n** Registered procs on node " + erl.name() + " **\n";
            assertTrue(transcript.contains(own) && transcript.indexOf(own) < transcript.indexOf(theirs), transcript);
            assertTrue(transcript.matches("(?s).*\nshell {17}<0\\.\\d+\\.0> +mailbox .*"), transcript);
            // erl's own processes, with the initial calls erl's regs() shows for them
            assertTrue(transcript.matches("(?s).*\nrex {19}<1\\.\\d+\\.0> +rpc:init/1 +\\d+ +0\n.*"), transcript);
            assertTrue(transcript.matches("(?s).*\nglobal_name_server +<1\\.\\d+\\.0> +global:init/1 .*"), transcript);
            for (String name : erl.eval("lists:sort(registered())").replaceAll("[\\[\\]\\s]", "").split(",")) {
                String shown = name.length() > 21 ? name.substring(0, 21) : name;
                assertTrue(transcript.contains("\n" + shown + " "), name + " in:\n" + transcript);
            }
        }
    }
}
