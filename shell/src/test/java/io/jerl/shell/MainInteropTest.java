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

/** `jerl -sname NAME -setcookie C` runs a node a real erl can ping, and stops cleanly when input ends. */
class MainInteropTest {
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
            while (!out.toString(StandardCharsets.UTF_8).contains("is up") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("node " + alive + "@"), out.toString());
            assertEquals("pong", erl.eval("net_adm:ping(" + jerlNode + ")"));
            assertEquals("ok", erl.eval("global:sync()", java.time.Duration.ofSeconds(5)), "jerl takes part in global");

            keyboard.close();
            assertEquals(0, exit.get(20, TimeUnit.SECONDS));
            assertEquals("false", erl.eval("lists:keymember(\"" + alive + "\", 1, element(2, net_adm:names()))"),
                    "jerl left EPMD when it stopped");
        }
    }
}
