package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void seed000CommandLineAsWritten() {
        CommandLine cl = CommandLine.parse("-sname", "bus", "-setcookie", "brumbrum", "-kernel", "inet_dist_listen_min",
                "9100", "-kernel", "inet_dist_listen_max", "9200");
        assertEquals("bus", cl.sname());
        assertEquals("brumbrum", cl.cookie());
        assertEquals(Map.of("inet_dist_listen_min", "9100", "inet_dist_listen_max", "9200"), cl.kernel());
        assertEquals(9100, Main.options(cl).listenMin());
        assertEquals(9200, Main.options(cl).listenMax());
    }

    @Test
    void oneKernelFlagMayCarrySeveralPairsAsInErl() {
        CommandLine cl = CommandLine.parse("-kernel", "inet_dist_listen_min", "9000", "inet_dist_listen_max", "9001",
                "-sname", "x");
        assertEquals(Map.of("inet_dist_listen_min", "9000", "inet_dist_listen_max", "9001"), cl.kernel());
        assertEquals("x", cl.sname());
        ShellException e = assertThrows(ShellException.class,
                () -> CommandLine.parse("-kernel", "inet_dist_listen_min", "9000", "inet_dist_listen_max"));
        assertTrue(e.getMessage().contains("inet_dist_listen_max"), e.getMessage());
    }

    @Test
    void kernelSettingsBecomeNodeOptions() {
        CommandLine cl = CommandLine.parse("-name", "demo@127.0.0.1", "-hidden", "-kernel", "net_ticktime", "20",
                "-kernel", "inet_dist_use_interface", "{127,0,0,1}", "-connect_all", "false");
        assertTrue(Main.options(cl).hidden());
        assertEquals(Duration.ofSeconds(20), Main.options(cl).netTickTime());
        assertEquals("127.0.0.1", Main.options(cl).bindAddress().getHostAddress());
        assertFalse(cl.connectAll());
        assertEquals("demo@127.0.0.1", Main.nodeName(cl).toString());
    }

    @Test
    void typosAreErrorsWithASuggestion() {
        ShellException e = assertThrows(ShellException.class, () -> CommandLine.parse("-snmae", "bus"));
        assertTrue(e.getMessage().contains("did you mean '-sname'"), e.getMessage());
        e = assertThrows(ShellException.class, () -> CommandLine.parse("-kernel", "inet_dist_listen_mn", "9000", "-sname", "x"));
        assertTrue(e.getMessage().contains("did you mean 'inet_dist_listen_min'"), e.getMessage());
        e = assertThrows(ShellException.class, () -> CommandLine.parse("--sname", "x"));
        assertTrue(e.getMessage().contains("'-sname'"), e.getMessage());
        e = assertThrows(ShellException.class, () -> CommandLine.parse("-exit_on_eror"));
        assertTrue(e.getMessage().contains("did you mean '-exit_on_error'"), e.getMessage());
        assertThrows(ShellException.class, () -> CommandLine.parse("-sname"));
        assertThrows(ShellException.class, () -> CommandLine.parse("-sname", "a", "-name", "b"));
    }

    @Test
    void helpAndVersionNeedNoNode() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true);
        assertEquals(0, Main.run(new String[] {"--version"}, java.io.InputStream.nullInputStream(), ps, ps, 4369));
        assertTrue(out.toString().startsWith("jerl "));
        assertEquals(2, Main.run(new String[] {"-setcookie"}, java.io.InputStream.nullInputStream(), ps, ps, 4369));
        assertTrue(out.toString().contains("-setcookie needs a value"));
    }
}
