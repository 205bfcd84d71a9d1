package io.jerl.protocol.term;

import java.util.Arrays;

/**
 * A fun made on an Erlang node ({@code fun(X) -> ... end}), kept opaque: jerl cannot run BEAM code, but it
 * can hold the fun, print it as erl does and send it back byte for byte. {@code encoded} is the whole
 * NEW_FUN_EXT (tag included); module, index and uniq are read from it for printing.
 */
public record Fun(Atom module, long oldIndex, long oldUniq, int arity, byte[] encoded) implements Term {
    @Override
    public boolean equals(Object o) {
        return o instanceof Fun f && Arrays.equals(encoded, f.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
