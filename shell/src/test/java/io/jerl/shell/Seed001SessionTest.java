package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 (Erlang clustering recap) as piped scripts, jerl in one role and a real erl in the other, both
 * ways round: foo connects to bar, both see each other in nodes(), bar sends to foo's registered shell; then
 * the "different cookies" part: connect_node answers false and the node that was called logs erl's
 * "Invalid challenge reply" error report. Transcripts are held to erl's ({@code seeds/001-*.out}).
 */
class Seed001SessionTest {
    private static final Duration LIMIT = Seed000SessionTest.LIMIT;

    @Test
    void jerlIsFooAndErlIsBar() {
        sameCookieSession(Kind.JERL, Kind.ERL);
    }

    @Test
    void erlIsFooAndJerlIsBar() {
        sameCookieSession(Kind.ERL, Kind.JERL);
    }

    @Test
    void jerlConnectingWithTheWrongCookieGetsFalseAndErlReportsIt() {
        wrongCookie(Kind.JERL, Kind.ERL);
    }

    @Test
    void erlConnectingWithTheWrongCookieGetsFalseAndJerlReportsIt() {
        wrongCookie(Kind.ERL, Kind.JERL);
    }

    private static void sameCookieSession(Kind foo, Kind bar) {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             PipedShell barShell = PipedShell.start(bar, "bar", cookie, epmd.port(), Transcript.script("001-bar.erl"))) {
            barShell.awaitOutput(Transcript.prompt("bar", 2), LIMIT); // bar is up: foo may connect
            try (PipedShell fooShell = PipedShell.start(foo, "foo", cookie, epmd.port(), Transcript.script("001-foo.erl"))) {
                Transcript fooRun = fooShell.awaitTranscript(LIMIT);
                Transcript barRun = barShell.awaitTranscript(LIMIT);
                fooRun.assertMatches("001-foo.out");
                barRun.assertMatches("001-bar.out");
                fooRun.assertErrorReports();
                barRun.assertErrorReports();
            }
        }
    }

    private static void wrongCookie(Kind foo, Kind bar) {
        try (Epmd epmd = Epmd.start();
             PipedShell barShell = PipedShell.start(bar, "bar", ErlTools.randomCookie(), epmd.port(),
                     Transcript.script("001-cookie-bar.erl"))) {
            barShell.awaitOutput(Transcript.prompt("bar", 2), LIMIT);
            try (PipedShell fooShell = PipedShell.start(foo, "foo", ErlTools.randomCookie(), epmd.port(),
                    Transcript.script("001-cookie-foo.erl"))) {
                Transcript fooRun = fooShell.awaitTranscript(LIMIT);
                Transcript barRun = barShell.awaitTranscript(LIMIT);
                fooRun.assertMatches("001-cookie-foo.out");
                barRun.assertMatches("001-cookie-bar.out");
                fooRun.assertErrorReports(); // erl says nothing on the calling side; false is the whole answer
                barRun.assertErrorReports(
                        "** Connection attempt from node foo@ROGER-SURFACE-GO rejected. Invalid challenge reply. **");
            }
        }
    }
}
