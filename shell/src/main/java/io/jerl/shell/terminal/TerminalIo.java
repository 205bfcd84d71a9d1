package io.jerl.shell.terminal;

import io.jerl.shell.repl.ShellIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a real terminal (JLine): line editing, persistent history, Tab completion, a form spread over
 * several lines edited as one buffer, no {@code !} history expansion (Erlang's send operator). Ctrl-C at the
 * prompt drops the line; Ctrl-C while a form is evaluating interrupts the evaluating thread; Ctrl-D on an empty
 * line ends input. Output from other threads goes through {@link #printAbove} so it never breaks the line
 * being typed.
 */
public final class TerminalIo implements ShellIo, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final StringBuilder partialLine = new StringBuilder(); // guarded by itself
    private Thread evaluating; // guarded by this: the thread running the last form read, until the next read

    private TerminalIo(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
        terminal.handle(Terminal.Signal.INT, signal -> interruptEvaluation());
    }

    /** Opens the process's own terminal; {@code history} is read now and written as lines are entered. */
    public static TerminalIo open(CompletionSources completion, Path history) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).name("jerl").build();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jerl")
                .parser(new ErlangLineParser())
                .completer(new ErlangCompleter(completion))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "") // erl 25 shows no prompt on continuation lines
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // Pid ! msg is a send, not !history
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        return new TerminalIo(terminal, reader);
    }

    @Override
    public String readLine(String prompt) {
        endEvaluation();
        while (true) {
            try {
                String line = reader.readLine(prompt);
                if (line.isBlank()) {
                    continue; // as erl: an empty line gets the same prompt again
                }
                startEvaluation();
                return line;
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt: the line is dropped and the same prompt comes back
            } catch (EndOfFileException e) {
                return null; // Ctrl-D on an empty line
            }
        }
    }

    @Override
    public void print(String text) {
        terminal.writer().print(text);
        terminal.writer().flush();
    }

    /**
     * Prints text from another thread (remote io:format, node events). While the user is typing it goes above
     * the line being edited, whole lines only (a piece without its line end waits for the rest); otherwise, as
     * while a form runs, it is printed where the cursor is, as erl prints it.
     */
    public void printAbove(String text) {
        synchronized (partialLine) {
            partialLine.append(text);
            if (!reader.isReading()) {
                print(partialLine.toString());
                partialLine.setLength(0);
                return;
            }
            int end = partialLine.lastIndexOf("\n") + 1;
            if (end > 0) {
                reader.printAbove(partialLine.substring(0, end));
                partialLine.delete(0, end);
            }
        }
    }

    private synchronized void startEvaluation() {
        evaluating = Thread.currentThread();
    }

    private synchronized void endEvaluation() {
        evaluating = null;
        Thread.interrupted(); // a Ctrl-C that came just as the last form ended must not hit the next one
    }

    private synchronized void interruptEvaluation() {
        if (evaluating != null) {
            print("\n"); // the terminal echoed ^C; the exception line goes below it
            evaluating.interrupt();
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
