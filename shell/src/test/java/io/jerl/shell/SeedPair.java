package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.testing.Epmd;
import java.time.Duration;

/**
 * A seed's two shells run against each other from piped scripts on a private EPMD. The called side starts
 * first; the calling side starts once it shows its second prompt (its node is up). From then on the scripts
 * wait for each other in Erlang. Scripts are {@code seeds/PREFIX-NAME.erl}; each transcript must equal
 * {@code seeds/PREFIX-NAME.out}, recorded from erl.
 */
final class SeedPair {
    static final Duration LIMIT = Duration.ofSeconds(60);

    /** One side: which shell, its -sname, its -setcookie. */
    record Role(Kind kind, String alive, String cookie) {
    }

    /** Both transcripts, already matched against the expected ones; tests check their error reports. */
    record Result(Transcript caller, Transcript called) {
    }

    private SeedPair() {
    }

    static Result run(String prefix, Role caller, Role called) {
        try (Epmd epmd = Epmd.start();
             PipedShell calledShell = start(prefix, called, epmd)) {
            calledShell.awaitOutput(Transcript.prompt(called.alive(), 2), LIMIT);
            try (PipedShell callerShell = start(prefix, caller, epmd)) {
                Transcript callerRun = callerShell.awaitTranscript(LIMIT);
                Transcript calledRun = calledShell.awaitTranscript(LIMIT);
                callerRun.assertMatches(prefix + "-" + caller.alive() + ".out");
                calledRun.assertMatches(prefix + "-" + called.alive() + ".out");
                return new Result(callerRun, calledRun);
            }
        }
    }

    private static PipedShell start(String prefix, Role role, Epmd epmd) {
        return PipedShell.start(role.kind(), role.alive(), role.cookie(), epmd.port(),
                Transcript.script(prefix + "-" + role.alive() + ".erl"));
    }
}
