package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.shell.SeedPair.Role;
import io.jerl.testing.ErlTools;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 (Erlang clustering recap) as piped scripts, jerl in one role and a real erl in the other, both
 * ways round: foo connects to bar, both see each other in nodes(), bar sends to foo's registered shell; then
 * the "different cookies" part: connect_node answers false and the node that was called logs erl's
 * "Invalid challenge reply" error report. Transcripts are held to erl's ({@code seeds/001-*.out}).
 */
class Seed001SessionTest {
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
        SeedPair.Result r = SeedPair.run("001", new Role(foo, "foo", cookie), new Role(bar, "bar", cookie));
        r.caller().assertErrorReports();
        r.called().assertErrorReports();
    }

    private static void wrongCookie(Kind foo, Kind bar) {
        SeedPair.Result r = SeedPair.run("001-cookie", new Role(foo, "foo", ErlTools.randomCookie()),
                new Role(bar, "bar", ErlTools.randomCookie()));
        r.caller().assertErrorReports(); // erl says nothing on the calling side; false is the whole answer
        r.called().assertErrorReports(
                "** Connection attempt from node foo@ROGER-SURFACE-GO rejected. Invalid challenge reply. **");
    }
}
