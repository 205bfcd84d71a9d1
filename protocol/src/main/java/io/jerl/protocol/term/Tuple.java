package io.jerl.protocol.term;

import java.util.Arrays;

/** A tuple. The array is owned by the term; do not change it after construction. */
public record Tuple(Term... elements) implements Term {
    public static final Tuple EMPTY = new Tuple();

    public int arity() {
        return elements.length;
    }

    /** Element {@code i}, counted from 0 (Erlang's element/2 counts from 1). */
    public Term get(int i) {
        return elements[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && Arrays.equals(elements, t.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
