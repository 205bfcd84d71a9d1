package io.jerl.shell.builtins;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;

/** The exceptions built-ins raise, with erl's exact reason terms. */
final class Errors {
    static final Atom BADARG = Atom.of("badarg");
    static final Atom BADARITH = Atom.of("badarith");
    static final Atom FUNCTION_CLAUSE = Atom.of("function_clause");
    static final Atom SYSTEM_LIMIT = Atom.of("system_limit");
    static final Atom BADMAP = Atom.of("badmap");
    static final Atom BADKEY = Atom.of("badkey");
    static final Atom BADARITY = Atom.of("badarity");
    static final Atom CASE_CLAUSE = Atom.of("case_clause");

    private Errors() {
    }

    static ErlangException badarg() {
        return ErlangException.error(BADARG);
    }

    static ErlangException badarith() {
        return ErlangException.error(BADARITH);
    }

    static ErlangException functionClause() {
        return ErlangException.error(FUNCTION_CLAUSE);
    }

    static ErlangException systemLimit() {
        return ErlangException.error(SYSTEM_LIMIT);
    }

    static ErlangException badmap(Term m) {
        return ErlangException.error(new Tuple(BADMAP, m));
    }

    static ErlangException badkey(Term k) {
        return ErlangException.error(new Tuple(BADKEY, k));
    }

    static ErlangException caseClause(Term v) {
        return ErlangException.error(new Tuple(CASE_CLAUSE, v));
    }

    static ErlangException error(Term reason) {
        return ErlangException.error(reason);
    }
}
