package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jerl run as a user runs it, in its own process, with the cookie only in {@code ~/.erlang.cookie}: the cookie
 * shows in no command line, environment or output another user could see, and a cookie file others may read
 * is refused with erl's words.
 */
class CookieExposureInteropTest {
    @Test
    void aCookieReadFromTheFileIsNotInPsNorTheEnvironmentNorTheOutput(@TempDir Path home) throws Exception {
        String cookie = "FILESECRET" + ErlTools.randomCookie();
        writeCookie(home, cookie, "r--------");
        String alive = ErlTools.uniqueName("hush");
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookieFromHome(home).epmdPort(epmd.port()).start()) {
            Process jerl = startJerl(home, epmd.port(), "-sname", alive);
            Output out = Output.of(jerl);
            try {
                String node = "'" + alive + "@" + ErlTools.shortHostName() + "'";
                String pong = "pang";
                for (int i = 0; i < 100 && pong.equals("pang") && jerl.isAlive(); i++) {
                    pong = erl.eval("net_adm:ping(" + node + ")");
                    Thread.sleep(200);
                }
                assertEquals("pong", pong, "erl, with the same cookie file, reaches jerl; jerl said:\n" + out);
                for (String file : List.of("cmdline", "environ")) {
                    String seen = Files.readString(Path.of("/proc", Long.toString(jerl.pid()), file),
                            StandardCharsets.ISO_8859_1);
                    assertTrue(seen.contains(alive) || file.equals("environ"), "read the right process's " + file);
                    assertFalse(seen.contains(cookie), "the cookie is in /proc/" + jerl.pid() + "/" + file);
                }
                Process ps = new ProcessBuilder("ps", "-ww", "-eo", "pid,args").redirectErrorStream(true).start();
                String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(listing.contains(alive), "ps lists jerl");
                assertFalse(listing.contains(cookie), "ps shows the cookie");
            } finally {
                jerl.getOutputStream().close(); // end of input stops the shell
                if (!jerl.waitFor(20, TimeUnit.SECONDS)) {
                    jerl.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            assertFalse(out.text().contains(cookie), "jerl printed the cookie:\n" + out);
        }
    }

    @Test
    void aCookieFileOthersCanReadStopsJerlWithErlsWarning(@TempDir Path home) throws Exception {
        String cookie = "OPENSECRET" + ErlTools.randomCookie();
        Path file = writeCookie(home, cookie, "rw-r--r--");
        try (Epmd epmd = Epmd.start()) {
            Process jerl = startJerl(home, epmd.port(), "-sname", ErlTools.uniqueName("lax"));
            Output out = Output.of(jerl);
            jerl.getOutputStream().close();
            assertTrue(jerl.waitFor(60, TimeUnit.SECONDS), "jerl stops");
            assertEquals(1, jerl.exitValue());
            String warning = "Cookie file " + file + " must be accessible by owner only";
            assertTrue(out.text().contains(warning), "jerl said:\n" + out);
            assertFalse(out.text().contains(cookie), "jerl printed the cookie:\n" + out);

            ProcessBuilder erl = new ProcessBuilder(ErlTools.executable("erl"), "-sname", ErlTools.uniqueName("lax"),
                    "-noshell", "-start_epmd", "false", "-eval", "halt().").redirectErrorStream(true);
            erl.environment().put("HOME", home.toString());
            erl.environment().put("ERL_EPMD_PORT", Integer.toString(epmd.port()));
            Process p = erl.start();
            String erlSaid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            assertTrue(erlSaid.contains(warning), "erl says the same about that file:\n" + erlSaid);
        }
    }

    private static Path writeCookie(Path home, String cookie, String permissions) throws IOException {
        Path file = home.resolve(".erlang.cookie");
        Files.writeString(file, cookie);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    /** ./jerl's Main in a JVM of its own, with HOME and ERL_EPMD_PORT set and nothing else about cookies. */
    private static Process startJerl(Path home, int epmdPort, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        return pb.start();
    }

    /** Everything a process prints, collected as it comes. */
    private record Output(ByteArrayOutputStream bytes) {
        static Output of(Process p) {
            Output o = new Output(new ByteArrayOutputStream());
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (InputStream in = p.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (o.bytes) {
                            o.bytes.write(buf, 0, n);
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            }, "jerl-output");
            t.setDaemon(true);
            t.start();
            return o;
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
