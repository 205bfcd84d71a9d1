package io.jerl.shell.eval;

import io.jerl.grammar.ast.BinExpr;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;

/** Bit syntax: not supported yet; construction and matching raise {@code error:unsupported_bit_syntax}. */
final class Binaries {
    private Binaries() {
    }

    static Term build(Evaluator ev, CallContext ctx, BinExpr e, Bindings b) throws InterruptedException {
        throw ErlangException.error(Atom.of("unsupported_bit_syntax"));
    }

    static boolean match(Evaluator ev, CallContext ctx, BinExpr e, Term v, Bindings b, Matcher m)
            throws InterruptedException {
        throw ErlangException.error(Atom.of("unsupported_bit_syntax"));
    }
}
