package io.jerl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.testing.ErlTools;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sample 001 (seed 001): foo (jerl) and bar (erl) on one host with -sname and the host's shared cookie file,
 * nodes() on both sides, a message to a registered shell, EPMD autoclustering; then demo@roger-nuc0 (jerl) and
 * demo@roger-nuc3 (erl) with -name, refused while each host has its own cookie and connected with -setcookie.
 */
class NamesAndCookiesTest {
    private static final Path DIR = Hosts.ROOT.resolve("samples/001-names-and-cookies");
    private static final Readme README = new Readme(DIR.resolve("README.md"));
    private static final String UP = README.command("samples/hosts.sh up roger-surface-go roger-nuc0 roger-nuc3");

    @BeforeAll
    static void erlIsInstalled() {
        ErlTools.executable("erl");
    }

    @Test
    void fooAndBarOnOneHostThenAutoclusteringThroughEpmd() {
        Script fooTyped = new Script(DIR.resolve("foo.erl"));
        Script barTyped = new Script(DIR.resolve("bar.erl"));
        try (Hosts hosts = Hosts.up(UP)) {
            Console foo = hosts.console("foo (jerl)", README.command("samples/hosts.sh run roger-surface-go ./jerl -sname foo"));
            foo.awaitPrompt();
            Console bar = hosts.console("bar (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname bar"));
            bar.awaitPrompt();

            foo.enter(fooTyped.next()).shows("[]");                                  // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // true = connect_node(bar)
            foo.enter(fooTyped.next()).shows("['bar@roger-surface-go']");           // nodes()
            bar.enter(barTyped.next()).shows("['foo@roger-surface-go']");           // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // register(shell, self())
            bar.enter(barTyped.next()).shows("hello");                               // {shell, foo} ! hello
            foo.enterUntil(fooTyped.next(), "Shell got hello").shows("Shell got hello\nok");   // flush()

            Console baz = hosts.console("baz (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname baz"));
            baz.awaitPrompt();
            Console qux = hosts.console("qux (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname qux"));
            qux.awaitPrompt();
            foo.enter(fooTyped.next())                                               // erl_epmd:names()
                    .matches("\\{\"foo\",\\d+\\}").matches("\\{\"bar\",\\d+\\}")
                    .matches("\\{\"baz\",\\d+\\}").matches("\\{\"qux\",\\d+\\}");
            foo.enter(fooTyped.next()).shows("{ok,\"roger-surface-go\"}");         // inet:gethostname()
            foo.enter(fooTyped.next()).shows("[true,true,true,true]");               // connect to each
            foo.enter(fooTyped.next())                                               // nodes()
                    .shows("'bar@roger-surface-go'").shows("'baz@roger-surface-go'").shows("'qux@roger-surface-go'");

            foo.type(fooTyped.next());                                               // q()
            bar.type(barTyped.next());
            assertEquals(0, foo.endInput(), "jerl's exit status after q().\n" + foo.transcript());
            bar.endInput();
            fooTyped.assertAllTyped();
            barTyped.assertAllTyped();
        }
    }

    @Test
    void twoHostsWithTheirOwnCookiesAreRefusedUntilSetcookie() {
        Script nuc0Typed = new Script(DIR.resolve("nuc0.erl"));
        Script nuc3Typed = new Script(DIR.resolve("nuc3.erl"));
        try (Hosts hosts = Hosts.up(UP)) {
            Console nuc3 = hosts.console("demo@roger-nuc3 (erl)", README.command("samples/hosts.sh run roger-nuc3 erl -name demo"));
            nuc3.awaitPrompt();
            Console nuc0 = hosts.console("demo@roger-nuc0 (jerl)", README.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo"));
            nuc0.awaitPrompt();

            nuc0.enter(nuc0Typed.next())                                             // connect_node, wrong cookie
                    .shows("cannot connect to demo@roger-nuc3.lan").shows("the cookies differ").shows("false");
            nuc3.awaitText("the rejected attempt",
                    "** Connection attempt from node 'demo@roger-nuc0.lan' rejected. Invalid challenge reply. **");
            nuc0.type(nuc0Typed.next());                                             // q()
            nuc3.type(nuc3Typed.next());
            assertEquals(0, nuc0.endInput(), "jerl's exit status after q().\n" + nuc0.transcript());
            nuc3.endInput();

            String cookie = " -setcookie KMZWIWWTBVPEBURCLHVQ";
            nuc3 = hosts.console("demo@roger-nuc3 (erl, cookie set)",
                    README.command("samples/hosts.sh run roger-nuc3 erl -name demo" + cookie));
            nuc3.awaitPrompt();
            nuc0 = hosts.console("demo@roger-nuc0 (jerl, cookie set)",
                    README.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo" + cookie));
            nuc0.awaitPrompt();
            nuc0.enter(nuc0Typed.next()).shows("true");                              // connect_node
            nuc0.enter(nuc0Typed.next()).shows("['demo@roger-nuc3.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("['demo@roger-nuc0.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("true");                              // register(shell, self())
            nuc0.enter(nuc0Typed.next()).shows("hello");                             // {shell, demo@roger-nuc3} ! hello
            nuc3.enterUntil(nuc3Typed.next(), "Shell got hello").shows("Shell got hello\nok");  // flush()
            nuc0.type(nuc0Typed.next());                                             // q()
            nuc3.type(nuc3Typed.next());
            assertEquals(0, nuc0.endInput(), "jerl's exit status after q().\n" + nuc0.transcript());
            nuc3.endInput();
            nuc0Typed.assertAllTyped();
            nuc3Typed.assertAllTyped();
            hosts.run(README.command("samples/hosts.sh down"));
        }
    }
}
