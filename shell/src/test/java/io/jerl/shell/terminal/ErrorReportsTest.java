package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.protocol.term.Atom;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's log lines and events in erl's report layout. */
class ErrorReportsTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 3, 9, 5, 7, 123_456_789);

    @Test
    void anErrorLineBecomesErlsErrorReport() {
        // erl 25: =ERROR REPORT==== 3-Nov-2026::09:05:07.123456 === (day unpadded, microseconds)
        assertEquals("=ERROR REPORT==== 3-Nov-2026::09:05:07.123456 ===\n"
                        + "** Connection attempt from node car@server2 rejected. Invalid challenge reply. **\n",
                ErrorReports.format("[ERROR] ** Connection attempt from node car@server2 rejected. "
                        + "Invalid challenge reply. **", T));
        assertEquals("=WARNING REPORT==== 3-Nov-2026::09:05:07.123456 ===\ncannot connect\n",
                ErrorReports.format("[WARN] cannot connect", T));
        assertEquals("\tat Foo.bar(Foo.java:1)\n", ErrorReports.format("\tat Foo.bar(Foo.java:1)", T));
    }

    @Test
    void theStreamHandsOverWholeLines() {
        List<String> printed = new ArrayList<>();
        PrintStream err = new PrintStream(new ReportStream(printed::add), true, StandardCharsets.UTF_8);
        err.print("[ERROR] half");
        assertEquals(List.of(), printed);
        err.println(" and the rest");
        assertEquals(1, printed.size());
        assertEquals("half and the rest\n", printed.get(0).substring(printed.get(0).indexOf('\n') + 1));
    }

    @Test
    void nodedownIsAnInfoReport() {
        assertEquals("=INFO REPORT==== 3-Nov-2026::09:05:07.123456 ===\n** nodedown: car@server2 (connection closed) **\n",
                NodeNotices.text(Atom.of("car@server2"), "connection closed", T));
    }
}
