package io.jerl.samples;

import io.jerl.testing.ErlangRelease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sample 001 (seed 001): foo (jerl) and bar (erl) on one host with -sname and the host's shared cookie file,
 * nodes() on both sides, a message to a registered shell, EPMD autoclustering; then demo@roger-nuc0 (jerl) and
 * demo@roger-nuc3 (erl) with -name, refused while each host has its own cookie and connected with -setcookie.
 * Run with the system's erl (OTP 25) and with OTP 29's, each time by the README's commands.
 */
@ParameterizedClass(name = "erl of OTP {0}")
@ValueSource(ints = {25, 29})
class NamesAndCookiesTest {
    private static final Sample SAMPLE = Sample.named("001-names-and-cookies");
    private static final String UP = SAMPLE.command("samples/hosts.sh up roger-surface-go roger-nuc0 roger-nuc3");
    private static final String RUN = "samples/hosts.sh run ";

    @Parameter
    int otp;

    @BeforeEach
    void releaseIsThere() {
        ErlangRelease.of(otp).require();
    }

    /** The README's command for an erl on a host, with this run's release: {@code erl} itself, or from its root. */
    private String erl(String host, String flags) {
        String release = otp == ErlangRelease.system().otp() ? "" : "samples/otp-roots.sh run " + otp + " ";
        return SAMPLE.command(RUN + host + " " + release + "erl " + flags);
    }

    @Test
    void fooAndBarOnOneHostThenAutoclusteringThroughEpmd() {
        Sample.Script fooTyped = SAMPLE.script("foo.erl");
        Sample.Script barTyped = SAMPLE.script("bar.erl");
        try (Hosts hosts = Hosts.up(UP)) {
            Terminal foo = hosts.shell("foo (jerl)", SAMPLE.command("samples/hosts.sh run roger-surface-go ./jerl -sname foo"));
            Terminal bar = hosts.shell("bar (erl)", erl("roger-surface-go", "-sname bar"));

            foo.enter(fooTyped.next()).shows("[]");                                  // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // true = connect_node(bar)
            foo.enter(fooTyped.next()).shows("['bar@roger-surface-go']");           // nodes()
            bar.enter(barTyped.next()).shows("['foo@roger-surface-go']");           // nodes()
            foo.enter(fooTyped.next()).shows("true");                                // register(shell, self())
            bar.enter(barTyped.next()).shows("hello");                               // {shell, foo} ! hello
            foo.enterUntil(fooTyped.next(), "Shell got hello").shows("Shell got hello\nok");   // flush()

            Terminal baz = hosts.shell("baz (erl)", erl("roger-surface-go", "-sname baz"));
            Terminal qux = hosts.shell("qux (erl)", erl("roger-surface-go", "-sname qux"));
            foo.enter(fooTyped.next())                                               // erl_epmd:names()
                    .matches("\\{\"foo\",\\d+\\}").matches("\\{\"bar\",\\d+\\}")
                    .matches("\\{\"baz\",\\d+\\}").matches("\\{\"qux\",\\d+\\}");
            foo.enter(fooTyped.next()).shows("{ok,\"roger-surface-go\"}");         // inet:gethostname()
            foo.enter(fooTyped.next()).shows("[true,true,true,true]");               // connect to each
            foo.enter(fooTyped.next())                                               // nodes()
                    .shows("'bar@roger-surface-go'").shows("'baz@roger-surface-go'").shows("'qux@roger-surface-go'");

            foo.quit(fooTyped.last());                                               // q()
            bar.quit(barTyped.last());
        }
    }

    @Test
    void twoHostsWithTheirOwnCookiesAreRefusedUntilSetcookie() {
        Sample.Script nuc0Typed = SAMPLE.script("nuc0.erl");
        Sample.Script nuc3Typed = SAMPLE.script("nuc3.erl");
        try (Hosts hosts = Hosts.up(UP)) {
            Terminal nuc3 = hosts.shell("demo@roger-nuc3 (erl)", erl("roger-nuc3", "-name demo"));
            Terminal nuc0 = hosts.shell("demo@roger-nuc0 (jerl)", SAMPLE.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo"));

            nuc0.enter(nuc0Typed.next())                                             // connect_node, wrong cookie
                    .shows("cannot connect to demo@roger-nuc3.lan").shows("the cookies differ").shows("false");
            nuc3.expect("the rejected attempt",
                    "** Connection attempt from node 'demo@roger-nuc0.lan' rejected. Invalid challenge reply. **");
            nuc0.quit(nuc0Typed.next());                                             // q()
            nuc3.quit(nuc3Typed.next());

            String cookie = " -setcookie KMZWIWWTBVPEBURCLHVQ";
            nuc3 = hosts.shell("demo@roger-nuc3 (erl, cookie set)",
                    erl("roger-nuc3", "-name demo" + cookie));
            nuc0 = hosts.shell("demo@roger-nuc0 (jerl, cookie set)",
                    SAMPLE.command("samples/hosts.sh run roger-nuc0 ./jerl -name demo" + cookie));
            nuc0.enter(nuc0Typed.next()).shows("true");                              // connect_node
            nuc0.enter(nuc0Typed.next()).shows("['demo@roger-nuc3.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("['demo@roger-nuc0.lan']");          // nodes()
            nuc3.enter(nuc3Typed.next()).shows("true");                              // register(shell, self())
            nuc0.enter(nuc0Typed.next()).shows("hello");                             // {shell, demo@roger-nuc3} ! hello
            nuc3.enterUntil(nuc3Typed.next(), "Shell got hello").shows("Shell got hello\nok");  // flush()
            nuc0.quit(nuc0Typed.last());                                             // q()
            nuc3.quit(nuc3Typed.last());
            hosts.run(SAMPLE.command("samples/hosts.sh down"));
        }
    }
}
