package io.jerl.shell.terminal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Standard error for the node's log on a terminal: each whole line becomes an erl-style report (see
 * {@link ErrorReports}) handed to {@code sink}, which prints it above the prompt.
 */
public final class ReportStream extends OutputStream {
    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public ReportStream(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            sink.accept(ErrorReports.format(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text,
                    LocalDateTime.now()));
        } else {
            line.write(b);
        }
    }
}
