package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;

/**
 * An Erlang exception as a value: its class ({@code error}, {@code exit} or {@code throw}), reason and
 * stacktrace (an Erlang list). Functions called by peers raise it; calls to peers return it. It carries no
 * Java stack: it is control flow between Erlang and Java code, not a Java failure.
 */
public final class ErlangException extends RuntimeException {
    public static final Atom ERROR = Atom.of("error");
    public static final Atom EXIT = Atom.of("exit");
    public static final Atom THROW = Atom.of("throw");

    private final Atom kind;
    private final Term reason;
    private final Term stacktrace;

    public ErlangException(Atom kind, Term reason, Term stacktrace) {
        super(kind.name() + ":" + reason, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.stacktrace = stacktrace;
    }

    public static ErlangException error(Term reason) {
        return new ErlangException(ERROR, reason, Nil.NIL);
    }

    public static ErlangException exit(Term reason) {
        return new ErlangException(EXIT, reason, Nil.NIL);
    }

    public static ErlangException throwing(Term value) {
        return new ErlangException(THROW, value, Nil.NIL);
    }

    /** error, exit or throw. */
    public Atom kind() {
        return kind;
    }

    public Term reason() {
        return reason;
    }

    public Term stacktrace() {
        return stacktrace;
    }
}
