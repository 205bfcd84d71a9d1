package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A non-empty list: its elements and its tail, which is {@link Nil#NIL} for a proper list and any other
 * non-list term for an improper one ({@code [a|b]}). The constructor flattens a list tail, so each list
 * has one form and {@code [1|[2]]} equals {@code [1,2]}. Strings are lists of code points.
 */
public record ErlList(Term[] elements, Term tail) implements Term {
    public ErlList {
        if (elements.length == 0) {
            throw new ProtocolException("an ErlList has at least one element; the empty list is Nil.NIL");
        }
        if (tail instanceof ErlList more) {
            Term[] all = Arrays.copyOf(elements, elements.length + more.elements.length);
            System.arraycopy(more.elements, 0, all, elements.length, more.elements.length);
            elements = all;
            tail = more.tail;
        }
    }

    /** A proper list, or {@code []} when there are no elements. */
    public static Term of(Term... elements) {
        return elements.length == 0 ? Nil.NIL : new ErlList(elements, Nil.NIL);
    }

    public static Term of(List<? extends Term> elements) {
        return of(elements.toArray(new Term[0]));
    }

    /** The Erlang string (list of code points) for {@code s}. */
    public static Term ofString(String s) {
        return of(s.codePoints().mapToObj(ErlInt::of).toArray(Term[]::new));
    }

    public boolean isProper() {
        return tail == Nil.NIL;
    }

    public int size() {
        return elements.length;
    }

    /**
     * The text of this list when it is a proper list of Unicode code points, as {@code io_lib:printable_unicode_list}
     * would take it; empty otherwise.
     */
    public Optional<String> asString() {
        if (!isProper()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(elements.length);
        for (Term t : elements) {
            if (!(t instanceof ErlInt i) || i.value() < 0 || i.value() > Character.MAX_CODE_POINT
                    || (i.value() >= 0xD800 && i.value() <= 0xDFFF)) {
                return Optional.empty();
            }
            sb.appendCodePoint((int) i.value());
        }
        return Optional.of(sb.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErlList l && tail.equals(l.tail) && Arrays.equals(elements, l.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements) * 31 + tail.hashCode();
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
