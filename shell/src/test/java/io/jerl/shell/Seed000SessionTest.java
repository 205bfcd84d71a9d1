package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.shell.SeedPair.Role;
import io.jerl.testing.ErlTools;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 (two shells, bus and car, say hello through registered shells) typed as piped scripts, jerl in
 * one role and a real erl in the other, both ways round. Each role's transcript is compared with the one
 * erl prints for that script ({@code seeds/000-*.out}), so erl's run checks the expectation and jerl's run
 * is held to it.
 */
class Seed000SessionTest {
    @Test
    void jerlIsBusAndErlIsCar() {
        runSeed(Kind.JERL, Kind.ERL);
    }

    @Test
    void erlIsBusAndJerlIsCar() {
        runSeed(Kind.ERL, Kind.JERL);
    }

    private static void runSeed(Kind bus, Kind car) {
        String cookie = ErlTools.randomCookie(); // the seed's 'brumbrum', but never a guessable one in a test
        SeedPair.Result r = SeedPair.run("000", new Role(bus, "bus", cookie), new Role(car, "car", cookie));
        r.caller().assertErrorReports();
        r.called().assertErrorReports();
    }
}
