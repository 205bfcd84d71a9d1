package io.jerl.protocol.term;

/** An external fun, {@code fun Module:Function/Arity}. */
public record ExportFun(Atom module, Atom function, int arity) implements Term {
    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
