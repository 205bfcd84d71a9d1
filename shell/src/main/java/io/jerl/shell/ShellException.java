package io.jerl.shell;

/** The shell layer's error type: bad command lines and the like, with a message the user can act on. */
public class ShellException extends RuntimeException {
    public ShellException(String message) {
        super(message);
    }
}
