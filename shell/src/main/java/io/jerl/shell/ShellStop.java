package io.jerl.shell;

/**
 * Thrown by q() and halt(): the shell stops and jerl exits with {@code status}. Not an Erlang exception, so
 * {@code catch} and {@code try} in the form do not stop it (erl's halt cannot be caught either).
 *
 * @see CModule
 */
final class ShellStop extends RuntimeException {
    private final int status;
    private final String text;

    /** @param text what the shell prints before it stops ("ok\n" for q(), nothing for halt()) */
    ShellStop(int status, String text) {
        super("stop " + status, null, false, false);
        this.status = status;
        this.text = text;
    }

    int status() {
        return status;
    }

    String text() {
        return text;
    }
}
