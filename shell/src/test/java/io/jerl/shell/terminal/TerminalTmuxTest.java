package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jerl on a real terminal (tmux) against a real erl: the numbered prompt, Up recalls history, Tab completes,
 * a form over two lines, {@code !} is a send and never history expansion, Ctrl-C interrupts a blocked receive
 * and keeps the node connected, remote output, error reports and nodedown notices print above the line being typed, Ctrl-C at
 * the prompt drops the line, Ctrl-D leaves EPMD and exits 0.
 */
class TerminalTmuxTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aSessionAtTheTerminal() throws Exception {
        String cookie = ErlTools.randomCookie();
        String alive = ErlTools.uniqueName("bus");
        String jerlNode = alive + "@" + ErlTools.shortHostName();
        String prompt = "(" + jerlNode + ")";
        Path history = dir.resolve("history");
        Path pidFile = dir.resolve("pid");
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("car")).cookie(cookie).epmdPort(epmd.port()).start()) {
            Path script = dir.resolve("jerl.sh");
            Files.writeString(script, jerlScript(epmd.port(), history, pidFile, alive, cookie), StandardCharsets.UTF_8);
            try (Tmux tmux = Tmux.start(script)) {
                try {
                    session(tmux, erl, epmd.port(), prompt, "'" + jerlNode + "'", alive);
                } finally {
                    killJerl(pidFile);
                }
            }
            String saved = Files.readString(history, StandardCharsets.UTF_8);
            assertTrue(saved.contains("lists:seq(1, 3)."), "history file:\n" + saved);
            assertTrue(saved.contains("lists:sum([1,\\n2, 3])."), "a multi-line form is one history entry:\n" + saved);
        }
    }

    private static void session(Tmux tmux, ErlNode erl, int epmdPort, String prompt, String jerlAtom, String alive) {
        tmux.awaitText(prompt + "1>", START);
        assertEquals("pong", erl.eval("net_adm:ping(" + jerlAtom + ")"));

        // History: Up brings back the last form, Enter runs it again.
        enter(tmux, "lists:seq(1, 3).", prompt + "2>");
        tmux.press("Up");
        tmux.awaitCursorLine(prompt + "2> lists:seq(1, 3).", STEP);
        tmux.press("Enter");
        String s = tmux.awaitText(prompt + "3>", STEP);
        assertTrue(s.contains(prompt + "2> lists:seq(1, 3).\n[1,2,3]\n"), s);

        // Tab: a module, then one of its functions (erl's completion adds the bracket), then a variable.
        tmux.type("net_ke");
        tmux.press("Tab");
        tmux.awaitCursorLine(prompt + "3> net_kernel:", STEP);
        tmux.type("conn");
        tmux.press("Tab");
        tmux.awaitCursorLine(prompt + "3> net_kernel:connect_node(", STEP);
        s = enter(tmux, "'" + erl.name() + "').", prompt + "4>");
        assertTrue(s.contains("net_kernel:connect_node('" + erl.name() + "').\ntrue\n"), s);
        enter(tmux, "Longname = 7.", prompt + "5>");
        tmux.type("Longn");
        tmux.press("Tab");
        tmux.awaitCursorLine(prompt + "5> Longname", STEP);
        s = enter(tmux, " + 1.", prompt + "6>");
        assertTrue(s.contains(prompt + "5> Longname + 1.\n8\n"), s);

        // A form over two lines: the second line gets no prompt, as in erl.
        tmux.type("lists:sum([1,");
        tmux.press("Enter");
        s = enter(tmux, "2, 3]).", prompt + "7>");
        assertTrue(s.contains(prompt + "6> lists:sum([1,\n2, 3]).\n6\n"), s);

        // '!' is Erlang's send, never history expansion (which would put the previous line in place of !-1).
        s = enter(tmux, "self() !-1.", prompt + "8>");
        assertTrue(s.contains(prompt + "7> self() !-1.\n-1\n"), s);

        // Ctrl-C out of a receive that never ends; the node stays up and connected.
        tmux.type("receive never_sent -> ok end.");
        tmux.press("Enter");
        tmux.awaitCursorLine("", STEP); // the line was accepted: the cursor is below it, the form is evaluating
        pause(Duration.ofSeconds(1)); // time to reach its receive even on a loaded machine
        tmux.press("C-c");
        s = tmux.awaitText(prompt + "9>", STEP);
        assertTrue(s.contains("** exception exit: interrupted\n" + prompt + "9>"), s);
        assertEquals("true", erl.eval("lists:member(" + jerlAtom + ", nodes())"), "erl still sees jerl");
        enter(tmux, "register(shell, self()).", prompt + "10>");
        erl.eval("{shell, " + jerlAtom + "} ! still_connected");
        s = enter(tmux, "receive M -> M end.", prompt + "11>");
        assertTrue(s.contains("receive M -> M end.\nstill_connected\n"), s);

        // While the user types: output from erl to jerl's group leader, a refused connection and a nodedown
        // print above the line, which stays intact.
        String car = "'" + erl.name() + "'";
        enter(tmux, "rpc:call(" + car + ", persistent_term, put, [jerl_gl, rpc:call(" + car
                + ", erlang, group_leader, [])]).", prompt + "12>");
        tmux.type("half_typed");
        tmux.awaitCursorLine(prompt + "12> half_typed", STEP);
        erl.eval("io:format(persistent_term:get(jerl_gl), \"hello from ~s~n\", [node()])");
        tmux.awaitText("\nhello from " + erl.name() + "\n", STEP);
        tmux.awaitCursorLine(prompt + "12> half_typed", STEP);
        try (ErlNode stranger = ErlNode.builder(ErlTools.uniqueName("van")).cookie(ErlTools.randomCookie())
                .epmdPort(epmdPort).start()) {
            assertEquals("pang", stranger.eval("net_adm:ping(" + jerlAtom + ")"));
            s = tmux.awaitText("rejected. Invalid challenge reply. **", STEP);
            assertTrue(s.matches("(?s).*=ERROR REPORT==== \\d+-\\w+-\\d{4}::[0-9:.]+ ===\n"
                    + "\\*\\* Connection attempt from node " + Pattern.quote(stranger.name())
                    + " rejected\\. Invalid challenge reply\\. \\*\\*\n.*"), s);
        }
        assertEquals("true", erl.eval("erlang:disconnect_node(" + jerlAtom + ")"));
        tmux.awaitText("** nodedown: " + erl.name() + " (", STEP);
        tmux.awaitCursorLine(prompt + "12> half_typed", STEP);

        // Ctrl-C at the prompt drops what was typed.
        tmux.press("C-c");
        tmux.awaitCursorLine(prompt + "12>", STEP);

        // Ctrl-D on the empty line: jerl leaves EPMD and exits 0.
        tmux.press("C-d");
        tmux.awaitText("jerl exited with status 0", STEP);
        assertEquals("false", erl.eval("lists:keymember(\"" + alive + "\", 1, element(2, net_adm:names()))"),
                "jerl left EPMD");
    }

    /** Types a line, presses Enter and waits for {@code next} (the prompt that follows); returns the screen. */
    private static String enter(Tmux tmux, String line, String next) {
        tmux.type(line);
        tmux.press("Enter");
        return tmux.awaitText(next, STEP);
    }

    /** Runs jerl from the test class path; records its pid for the teardown; says how it exited. */
    private static String jerlScript(int epmdPort, Path history, Path pidFile, String alive, String cookie) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jerl = Stream.of(java, "-Djerl.history=" + history, "-cp", System.getProperty("java.class.path"),
                        "io.jerl.shell.Main", "-sname", alive, "-setcookie", cookie)
                .map(Tmux::quote).collect(Collectors.joining(" "));
        return String.join("\n", List.of(
                "export ERL_EPMD_PORT=" + epmdPort,
                // Ctrl-C goes to the whole foreground group, this script included: it must outlive them to
                // report jerl's exit status (a trap, unlike ignoring, is not inherited by jerl).
                "trap true INT",
                "sh -c " + Tmux.quote("echo $$ > " + Tmux.quote(pidFile.toString()) + "; exec " + jerl),
                "echo \"jerl exited with status $?\"",
                "sleep 600", ""));
    }

    /** If the test failed half-way, jerl may still run: end it (tmux's teardown hangs up on it as well). */
    private static void killJerl(Path pidFile) throws java.io.IOException {
        if (Files.exists(pidFile)) {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
            p.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
