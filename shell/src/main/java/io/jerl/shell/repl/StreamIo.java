package io.jerl.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Plain streams: piped input (no echo, as erl's shell reading a file) and tests. */
public final class StreamIo implements ShellIo {
    private final BufferedReader in;
    private final PrintStream out;

    public StreamIo(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void print(String text) {
        out.print(text);
        out.flush();
    }
}
