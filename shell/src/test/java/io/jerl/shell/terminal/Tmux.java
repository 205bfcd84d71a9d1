package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A program running in a tmux pane, driven like a user at a keyboard: keys in with send-keys, the screen out with
 * capture-pane. Each instance has its own tmux server (a private socket), so parallel runs never meet; close()
 * ends that server and the program. A missing tmux fails the test: CI installs it.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "jerl-test-" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL, 36);
    private final String session = "jerl";

    private Tmux() {
    }

    /** Starts {@code script} (run by sh) in a new 160×50 pane. */
    static Tmux start(Path script) {
        Tmux t = new Tmux();
        t.tmux("new-session", "-d", "-s", t.session, "-x", "160", "-y", "50", "sh " + script);
        return t;
    }

    /** Types {@code text} as is (no key names). */
    void type(String text) {
        tmux("send-keys", "-t", session, "-l", text);
    }

    /** Presses keys by tmux name: Enter, Up, Tab, C-c, C-d. */
    void press(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The pane's text with its scrollback (tmux drops the spaces that end a line), trailing blank lines dropped. */
    String screen() {
        return tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-1000").stripTrailing();
    }

    /** Waits until the screen shows {@code text}, failing with the screen after {@code limit}; returns the screen. */
    String awaitText(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String s = screen();
        while (!s.contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("waiting for '" + text + "'; the terminal shows:\n" + s);
            }
            sleep();
            s = screen();
        }
        return s;
    }

    /** Waits until the line the cursor is on (what the user is typing) reads {@code expected}. */
    void awaitCursorLine(String expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String line = cursorLine();
        while (!line.equals(expected) && System.nanoTime() < deadline) {
            sleep();
            line = cursorLine();
        }
        assertEquals(expected, line, "the line being typed; the terminal shows:\n" + screen());
    }

    private String cursorLine() {
        String[] lines = tmux("capture-pane", "-p", "-t", session).split("\n", -1);
        int y = Integer.parseInt(tmux("display-message", "-p", "-t", session, "#{cursor_y}").strip());
        return y < lines.length ? lines[y].stripTrailing() : "";
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("cannot run tmux (the terminal test needs it: apt-get install -y tmux): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** A shell-quoted word for a script line. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no tmux: nothing was started
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
