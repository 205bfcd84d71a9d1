package io.jerl.shell;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;

/** A private EPMD with a {@link JerlShell} and a real erl on it, sharing a random cookie; closing stops all three. */
final class JerlWithErl implements AutoCloseable {
    final Epmd epmd;
    final JerlShell jerl;
    final ErlNode erl;

    JerlWithErl() {
        this(ErlangRelease.system());
    }

    /** With an erl (and epmd) of {@code release}. */
    JerlWithErl(ErlangRelease release) {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start(release);
        JerlShell j = null;
        try {
            j = new JerlShell(cookie, epmd.port());
            erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start();
        } catch (RuntimeException | Error e) {
            if (j != null) {
                j.close();
            }
            epmd.close();
            throw e;
        }
        jerl = j;
    }

    @Override
    public void close() {
        try {
            erl.close();
        } finally {
            try {
                jerl.close();
            } finally {
                epmd.close();
            }
        }
    }
}
