package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 (two shells, bus and car, say hello through registered shells) typed as piped scripts, jerl in
 * one role and a real erl in the other, both ways round. Each role's transcript is compared with the one
 * erl prints for that script ({@code seeds/000-*.out}), so erl's run checks the expectation and jerl's run
 * is held to it.
 */
class Seed000SessionTest {
    static final Duration LIMIT = Duration.ofSeconds(60);

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
        try (Epmd epmd = Epmd.start();
             PipedShell carShell = PipedShell.start(car, "car", cookie, epmd.port(), Transcript.script("000-car.erl"))) {
            carShell.awaitOutput(Transcript.prompt("car", 2), LIMIT); // car is up and its shell registered
            try (PipedShell busShell = PipedShell.start(bus, "bus", cookie, epmd.port(), Transcript.script("000-bus.erl"))) {
                Transcript busRun = busShell.awaitTranscript(LIMIT);
                Transcript carRun = carShell.awaitTranscript(LIMIT);
                busRun.assertMatches("000-bus.out");
                carRun.assertMatches("000-car.out");
                busRun.assertErrorReports();
                carRun.assertErrorReports();
            }
        }
    }
}
