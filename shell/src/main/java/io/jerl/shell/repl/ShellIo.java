package io.jerl.shell.repl;

/** The shell's terminal, behind a seam: a JLine terminal, or plain streams for piped input and tests. */
public interface ShellIo {
    /** Shows {@code prompt} (may be empty) and reads one line without its end; null at the end of input. */
    String readLine(String prompt);

    /** Writes text as is (the caller adds line ends). */
    void print(String text);
}
