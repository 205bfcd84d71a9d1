package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import java.util.concurrent.ConcurrentHashMap;

/** An atom. At most 255 characters, as in erl. {@link #of} interns, so common atoms cost one lookup. */
public record Atom(String name) implements Term, Comparable<Atom> {
    public static final int MAX_CHARS = 255;
    private static final ConcurrentHashMap<String, Atom> TABLE = new ConcurrentHashMap<>();
    /** Atoms beyond this many are made fresh rather than interned, so hostile peers cannot grow the table forever. */
    private static final int TABLE_LIMIT = 1 << 20;

    public static final Atom TRUE = of("true");
    public static final Atom FALSE = of("false");
    public static final Atom OK = of("ok");
    public static final Atom ERROR = of("error");
    public static final Atom UNDEFINED = of("undefined");
    public static final Atom EMPTY = of("");

    public Atom {
        if (name.codePointCount(0, name.length()) > MAX_CHARS) {
            throw new ProtocolException("atom too long: " + name.codePointCount(0, name.length())
                    + " characters, erl allows at most " + MAX_CHARS);
        }
    }

    public static Atom of(String name) {
        Atom a = TABLE.get(name);
        if (a != null) {
            return a;
        }
        a = new Atom(name);
        if (TABLE.size() < TABLE_LIMIT) {
            Atom prior = TABLE.putIfAbsent(name, a);
            return prior != null ? prior : a;
        }
        return a;
    }

    public static Atom of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** Atoms order by their characters, code point by code point, as erl orders them. */
    @Override
    public int compareTo(Atom o) {
        return TermOrder.compareCodePoints(name, o.name);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
