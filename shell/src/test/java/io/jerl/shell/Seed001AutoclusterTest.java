package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 001's "autoclustering using epmd" lines, typed as written, connect the shell to every node EPMD lists:
 * three running erl nodes on the test's EPMD (and the shell's own node, which connect_node answers true for).
 * A real erl runs the same script too, so the expectations are erl's.
 */
class Seed001AutoclusterTest {
    private static final List<String> OTHERS = List.of("bar", "baz", "qux");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOneLinerConnectsToEveryNodeEpmdLists(Kind kind) {
        String cookie = ErlTools.randomCookie();
        String host = ErlTools.shortHostName();
        try (Epmd epmd = Epmd.start();
             ErlNode bar = ErlNode.builder("bar").cookie(cookie).epmdPort(epmd.port()).start();
             ErlNode baz = ErlNode.builder("baz").cookie(cookie).epmdPort(epmd.port()).start();
             ErlNode qux = ErlNode.builder("qux").cookie(cookie).epmdPort(epmd.port()).start();
             PipedShell foo = PipedShell.start(kind, "foo", cookie, epmd.port(), Transcript.script("001-autocluster.erl"))) {
            foo.awaitOutput(Transcript.prompt("foo", 6), SeedPair.LIMIT); // clustered, now waiting
            for (ErlNode erl : List.of(bar, baz, qux)) {
                assertTrue(erl.eval("lists:member(" + Transcript.node("foo") + ", nodes())").equals("true"),
                        erl.name() + " sees foo in nodes(): " + erl.eval("nodes()"));
            }
            bar.eval("{shell, " + Transcript.node("foo") + "} ! done");
            Transcript run = foo.awaitTranscript(SeedPair.LIMIT);
            String text = run.shellText();
            assertTrue(Pattern.compile(Pattern.quote(Transcript.prompt("foo", 1))
                    + "\\{ok,\\[(\\{\"(foo|bar|baz|qux)\",\\d+\\},?\\s*){4}\\]\\}\n").matcher(text).find(),
                    "erl_epmd:names() lists foo and the three erl nodes:\n" + text);
            assertTrue(text.contains(Transcript.prompt("foo", 2) + "{ok,\"" + host + "\"}\n"), text);
            assertTrue(text.contains(Transcript.prompt("foo", 3) + "[true,true,true,true]\n"), text);
            assertTrue(text.contains(Transcript.prompt("foo", 4) + "[" + Transcript.node("bar") + ","
                    + Transcript.node("baz") + "," + Transcript.node("qux") + "]\n"), text);
            assertTrue(text.endsWith(Transcript.prompt("foo", 6) + "ok\n" + Transcript.prompt("foo", 7) + "ok\n"), text);
            run.assertErrorReports();
        }
    }
}
