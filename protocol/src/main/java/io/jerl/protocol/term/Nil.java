package io.jerl.protocol.term;

/** The empty list {@code []}, which is also the empty string {@code ""}. */
public enum Nil implements Term {
    NIL;

    @Override
    public String toString() {
        return "[]";
    }
}
