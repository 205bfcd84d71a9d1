package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The string module's older functions, which work on flat lists element by element (no grapheme clusters):
 * {@code len tokens join concat chr rchr str rstr span cspan substr sub_string strip left right centre copies words
 * sub_word to_upper to_lower}. Bad arguments raise function_clause, as erl's clauses do.
 */
final class OldStrings {
    private static final Atom LEFT = Atom.of("left");
    private static final Atom RIGHT = Atom.of("right");
    private static final Atom BOTH = Atom.of("both");
    private static final ErlInt SPACE = ErlInt.of(' ');

    private OldStrings() {
    }

    private static Term[] list(Term t) {
        return Terms.properOrClause(t);
    }

    private static int index(Term[] es, Term[] sub, boolean last) {
        int found = 0;
        for (int i = 0; i + sub.length <= es.length; i++) {
            if (startsWith(es, i, sub)) {
                if (!last) {
                    return i + 1;
                }
                found = i + 1;
            }
        }
        return found;
    }

    private static boolean startsWith(Term[] es, int at, Term[] sub) {
        for (int k = 0; k < sub.length; k++) {
            if (!Terms.exactEq(es[at + k], sub[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean member(Term x, Term[] set) {
        for (Term s : set) {
            if (Terms.exactEq(s, x)) {
                return true;
            }
        }
        return false;
    }

    private static int small(Term t) {
        if (t instanceof ErlInt i && i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE) {
            return (int) i.value();
        }
        throw Errors.functionClause();
    }

    private static int charArg(Term t) {
        if (t instanceof ErlInt) {
            return small(t);
        }
        throw Errors.functionClause();
    }

    static void register(Reg r) {
        r.f1("len", s -> ErlInt.of(Terms.properOrBadarg(s).length));
        r.f2("concat", Operators::append);
        r.f2("chr", (s, c) -> ErlInt.of(index(list(s), new Term[] {c}, false)));
        r.f2("rchr", (s, c) -> ErlInt.of(index(list(s), new Term[] {c}, true)));
        r.f2("str", (s, sub) -> ErlInt.of(strIndex(list(s), list(sub), false)));
        r.f2("rstr", (s, sub) -> ErlInt.of(strIndex(list(s), list(sub), true)));
        r.f2("span", (s, cs) -> ErlInt.of(span(list(s), list(cs), true)));
        r.f2("cspan", (s, cs) -> ErlInt.of(span(list(s), list(cs), false)));
        r.f2("substr", (s, start) -> substr(list(s), small(start), Integer.MAX_VALUE));
        r.f3("substr", (s, start, len) -> substr(list(s), small(start), small(len)));
        r.f2("sub_string", (s, start) -> substr(list(s), small(start), Integer.MAX_VALUE));
        r.f3("sub_string", (s, start, stop) -> substr(list(s), small(start), small(stop) - small(start) + 1));
        r.f2("tokens", (s, seps) -> {
            Term[] es = list(s);
            Term[] sep = list(seps);
            List<Term> toks = new ArrayList<>();
            List<Term> cur = new ArrayList<>();
            for (Term e : es) {
                if (member(e, sep)) {
                    if (!cur.isEmpty()) {
                        toks.add(Terms.list(cur));
                        cur = new ArrayList<>();
                    }
                } else {
                    cur.add(e);
                }
            }
            if (!cur.isEmpty()) {
                toks.add(Terms.list(cur));
            }
            return Terms.list(toks);
        });
        r.f2("join", (l, sep) -> {
            Term[] parts = list(l);
            if (parts.length == 0) {
                if (!Terms.isList(sep)) {
                    throw Errors.functionClause();
                }
                return Nil.NIL;
            }
            List<Term> out = new ArrayList<>(Arrays.asList(Terms.properOrBadarg(parts[0])));
            for (int i = 1; i < parts.length; i++) {
                out.addAll(Arrays.asList(Terms.properOrBadarg(sep)));
                out.addAll(Arrays.asList(Terms.properOrBadarg(parts[i])));
            }
            return Terms.list(out);
        });
        r.f1("strip", s -> strip(list(s), BOTH, SPACE));
        r.f2("strip", (s, d) -> strip(list(s), d, SPACE));
        r.f3("strip", (s, d, c) -> strip(list(s), d, c));
        r.f2("left", (s, n) -> pad(list(s), small(n), ' ', 'l'));
        r.f3("left", (s, n, c) -> pad(list(s), small(n), charArg(c), 'l'));
        r.f2("right", (s, n) -> pad(list(s), small(n), ' ', 'r'));
        r.f3("right", (s, n, c) -> pad(list(s), small(n), charArg(c), 'r'));
        r.f2("centre", (s, n) -> pad(list(s), small(n), ' ', 'c'));
        r.f3("centre", (s, n, c) -> pad(list(s), small(n), charArg(c), 'c'));
        r.f2("copies", (s, n) -> {
            Term[] es = list(s);
            int k = small(n);
            if (k < 0) {
                throw Errors.functionClause();
            }
            List<Term> out = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                out.addAll(Arrays.asList(es));
            }
            return Terms.list(out);
        });
        r.f1("words", s -> ErlInt.of(words(list(s), SPACE).size()));
        r.f2("words", (s, c) -> ErlInt.of(words(list(s), ErlInt.of(charArg(c))).size()));
        r.f2("sub_word", (s, n) -> subWord(list(s), small(n), SPACE));
        r.f3("sub_word", (s, n, c) -> subWord(list(s), small(n), ErlInt.of(charArg(c))));
        r.f1("to_upper", s -> latin1Case(s, true));
        r.f1("to_lower", s -> latin1Case(s, false));
    }

    private static int strIndex(Term[] s, Term[] sub, boolean last) {
        if (sub.length == 0) {
            return last ? s.length + 1 : 1;
        }
        return index(s, sub, last);
    }

    private static int span(Term[] s, Term[] cs, boolean in) {
        int i = 0;
        while (i < s.length && member(s[i], cs) == in) {
            i++;
        }
        return i;
    }

    /** substr(String, Start, Len): Start from 1; a Start past the end is function_clause, as in erl. */
    private static Term substr(Term[] es, int start, int len) {
        if (start < 1 || start > es.length + 1 || len < 0) {
            throw Errors.functionClause();
        }
        int from = start - 1;
        int to = (int) Math.min((long) from + len, es.length);
        return Terms.list(Arrays.copyOfRange(es, from, to));
    }

    private static Term strip(Term[] es, Term dir, Term c) {
        if (!(c instanceof ErlInt)) {
            throw Errors.functionClause();
        }
        int a = 0;
        int b = es.length;
        if (dir != LEFT && dir != RIGHT && dir != BOTH) {
            throw Errors.functionClause();
        }
        if (dir != RIGHT) {
            while (a < b && es[a].equals(c)) {
                a++;
            }
        }
        if (dir != LEFT) {
            while (b > a && es[b - 1].equals(c)) {
                b--;
            }
        }
        return Terms.list(Arrays.copyOfRange(es, a, b));
    }

    private static Term pad(Term[] es, int len, int c, char how) {
        int n = es.length;
        ErlInt ch = ErlInt.of(c);
        if (how == 'c' && len == 0) {
            return Nil.NIL;
        }
        if (n == len) {
            return Terms.list(es);
        }
        switch (how) {
            case 'l':
                return n > len ? Terms.list(Arrays.copyOf(es, Math.max(len, 0))) : padded(es, 0, len - n, ch);
            case 'r':
                return n > len ? Terms.list(Arrays.copyOfRange(es, n - len, n)) : padded(es, len - n, 0, ch);
            default: {
                if (n > len) {
                    int from = (n - len) / 2;
                    return Terms.list(Arrays.copyOfRange(es, from, from + len));
                }
                // erl pads the right first with the larger half, then the left with (Len - Slen) div 2
                int left = (len - n) / 2;
                return padded(es, left, len - n - left, ch);
            }
        }
    }

    private static Term padded(Term[] es, int before, int after, Term ch) {
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            out.add(ch);
        }
        out.addAll(Arrays.asList(es));
        for (int i = 0; i < after; i++) {
            out.add(ch);
        }
        return Terms.list(out);
    }

    /** The words of {@code es} separated by runs of {@code sep} (erl counts an empty string as one word). */
    private static List<List<Term>> words(Term[] es, Term sep) {
        List<List<Term>> out = new ArrayList<>();
        List<Term> cur = new ArrayList<>();
        for (Term e : es) {
            if (e.equals(sep)) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
            } else {
                cur.add(e);
            }
        }
        if (!cur.isEmpty() || out.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private static Term subWord(Term[] es, int n, Term sep) {
        List<List<Term>> ws = words(es, sep);
        if (n < 1 || n > ws.size()) {
            return Nil.NIL;
        }
        return Terms.list(ws.get(n - 1));
    }

    /** to_upper/to_lower: Latin-1 letters only, on a character or each element of a list. */
    private static Term latin1Case(Term s, boolean upper) {
        if (s instanceof ErlInt c) {
            return ErlInt.of(latin1Case(c.value(), upper));
        }
        Term[] es = list(s);
        Term[] out = new Term[es.length];
        for (int i = 0; i < es.length; i++) {
            out[i] = es[i] instanceof ErlInt c ? ErlInt.of(latin1Case(c.value(), upper)) : es[i];
        }
        return Terms.list(out);
    }

    private static long latin1Case(long c, boolean upper) {
        if (upper) {
            boolean lower = (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xF6) || (c >= 0xF8 && c <= 0xFE);
            return lower ? c - 32 : c;
        }
        boolean up = (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE);
        return up ? c + 32 : c;
    }
}
