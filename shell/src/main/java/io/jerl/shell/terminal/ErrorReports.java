package io.jerl.shell.terminal;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The node's log lines as erl's logger shows them in a shell: {@code [ERROR] ** Connection attempt from node
 * car@server2 rejected. Invalid challenge reply. **} becomes
 * <pre>
 * =ERROR REPORT==== 23-Nov-2026::12:10:00.123456 ===
 * ** Connection attempt from node car@server2 rejected. Invalid challenge reply. **
 * </pre>
 * (erl's legacy report header: day unpadded, year in four columns, time to the microsecond). Other lines, such as
 * the rest of a stack trace, pass as they are.
 */
public final class ErrorReports {
    private ErrorReports() {
    }

    /** One log line (without its line end) as text to print, ending in a line end. */
    public static String format(String logLine, LocalDateTime now) {
        if (logLine.startsWith("[ERROR] ")) {
            return header("ERROR", now) + logLine.substring(8) + "\n";
        }
        if (logLine.startsWith("[WARN] ")) {
            return header("WARNING", now) + logLine.substring(7) + "\n";
        }
        return logLine + "\n";
    }

    static String header(String title, LocalDateTime t) {
        return String.format("=%s REPORT==== %d-%s-%4d::%02d:%02d:%02d.%06d ===\n", title, t.getDayOfMonth(),
                t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), t.getYear(), t.getHour(),
                t.getMinute(), t.getSecond(), t.getNano() / 1000);
    }
}
