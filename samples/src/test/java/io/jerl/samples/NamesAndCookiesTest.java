package io.jerl.samples;


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
            Terminal foo = hosts.shell("foo (jerl)", README.command("samples/hosts.sh run roger-surface-go ./jerl -sname foo"));
            Terminal bar = hosts.shell("bar (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname bar"));

            foo.enter(fooTyped.next()).shows("[]");                                  // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // true = connect_node(bar)
            foo.enter(fooTyped.next()).shows("['bar@roger-surface-go']");           // nodes()
            bar.enter(barTyped.next()).shows("['foo@roger-surface-go']");           // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // register(shell, self())
            bar.enter(barTyped.next()).shows("hello");                               // {shell, foo} ! hello
            foo.enterUntil(fooTyped.next(), "Shell got hello").shows("Shell got hello\nok");   // flush()

            Terminal baz = hosts.shell("baz (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname baz"));
            Terminal qux = hosts.shell("qux (erl)", README.command("samples/hosts.sh run roger-surface-go erl -sname qux"));
            foo.enter(fooTyped.next())                                               // erl_epmd:names()
                    .matches("\\{\"foo\",\\d+\\}").matches("\\{\"bar\",\\d+\\}")
                    .matches("\\{\"baz\",\\d+\\}").matches("\\{\"qux\",\\d+\\}");
            foo.enter(fooTyped.next()).shows("{ok,\"roger-surface-go\"}");         // inet:gethostname()
            foo.enter(fooTyped.next()).shows("[true,true,true,true]");               // connect to each
            foo.enter(fooTyped.next())                                               // nodes()
                    .shows("'bar@roger-surface-go'").shows("'baz@roger-surface-go'").shows("'qux@roger-surface-go'");

            foo.quit(fooTyped.next());                                               // q()
            bar.quit(barTyped.next());
            fooTyped.assertAllTyped();
            barTyped.assertAllTyped();
        }
    }

    @Test
    void twoHostsWithTheirOwnCookiesAreRefusedUntilSetcookie() {
        Script nuc0Typed = new Script(DIR.resolve("nuc0.erl"));
        Script nuc3Typed = new Script(DIR.resolve("nuc3.erl"));
        try (Hosts hosts = Hosts.up(UP)) {
            Terminal nuc3 = hosts.shell("demo@roger-nuc3 (erl)", README.command("samples/hosts.sh run roger-nuc3 erl -name demo"));
            Terminal nuc0 = hosts.shell("demo@roger-nuc0 (jerl)", README.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo"));

            nuc0.enter(nuc0Typed.next())                                             // connect_node, wrong cookie
                    .shows("cannot connect to demo@roger-nuc3.lan").shows("the cookies differ").shows("false");
            nuc3.awaitText("the rejected attempt",
                    "** Connection attempt from node 'demo@roger-nuc0.lan' rejected. Invalid challenge reply. **");
            nuc0.quit(nuc0Typed.next());                                             // q()
            nuc3.quit(nuc3Typed.next());

            String cookie = " -setcookie KMZWIWWTBVPEBURCLHVQ";
            nuc3 = hosts.shell("demo@roger-nuc3 (erl, cookie set)",
                    README.command("samples/hosts.sh run roger-nuc3 erl -name demo" + cookie));
            nuc0 = hosts.shell("demo@roger-nuc0 (jerl, cookie set)",
                    README.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo" + cookie));
            nuc0.enter(nuc0Typed.next()).shows("true");                              // connect_node
            nuc0.enter(nuc0Typed.next()).shows("['demo@roger-nuc3.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("['demo@roger-nuc0.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("true");                              // register(shell, self())
            nuc0.enter(nuc0Typed.next()).shows("hello");                             // {shell, demo@roger-nuc3} ! hello
            nuc3.enterUntil(nuc3Typed.next(), "Shell got hello").shows("Shell got hello\nok");  // flush()
            nuc0.quit(nuc0Typed.next());                                             // q()
            nuc3.quit(nuc3Typed.next());
            nuc0Typed.assertAllTyped();
            nuc3Typed.assertAllTyped();
            hosts.run(README.command("samples/hosts.sh down"));
        }
    }
}
