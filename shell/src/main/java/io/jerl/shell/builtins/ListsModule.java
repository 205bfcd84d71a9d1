package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Module {@code lists}. erl's lists functions are Erlang code, so bad arguments raise what that code raises:
 * {@code function_clause} when no clause matches (a non-fun, an improper list found at its end), {@code badarg}
 * from the BIFs some of them call, {@code {case_clause, V}} when a predicate returns a non-boolean. Funs are
 * applied in erl's order, element by element from the head.
 */
public final class ListsModule {
    private static final Atom VALUE = Atom.of("value");
    private static final Atom TRUE = Atom.TRUE;
    private static final Atom FALSE = Atom.FALSE;

    private ListsModule() {
    }

    /** The list with its first element whose key matches replaced by {@code t}; null when none matches. */
    private static Term replaceFirstKey(Term l, int pos, Term k, Term t) {
        Term[] es = elems(l);
        for (int i = 0; i < es.length; i++) {
            if (keyMatch(es[i], pos, k)) {
                List<Term> out = new ArrayList<>(Arrays.asList(es).subList(0, i));
                out.add(t);
                return Terms.list(out, suffixOf(l, i + 1));
            }
        }
        endOrClause(l);
        return null;
    }

    public static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "lists");
        higherOrder(r);
        predicates(r);
        building(r);
        picking(r);
        keys(r);
        sorting(r);
    }

    // ---- helpers

    /** A list's elements; a non-list has none and is its own (bad) tail. */
    static Term[] elems(Term l) {
        return l instanceof ErlList x ? x.elements() : Terms.EMPTY;
    }

    /** What is left after the elements: [] for a proper list, anything else is improper (or not a list). */
    static Term tail(Term l) {
        return l instanceof ErlList x ? x.tail() : l;
    }

    /** Raises function_clause unless what is left after the elements is []. */
    static void endOrClause(Term l) {
        if (tail(l) != Nil.NIL) {
            throw Errors.functionClause();
        }
    }

    static void requireFun(Term f, int arity) {
        if (!ErlangBifs.isFun(f, arity)) {
            throw Errors.functionClause();
        }
    }

    /** A predicate's answer; erl's {@code case Pred(X) of true -> ...; false -> ... end} raises case_clause. */
    static boolean test(CallContext ctx, Term pred, Term x) throws InterruptedException {
        Term v = ctx.apply(pred, List.of(x));
        if (v == TRUE) {
            return true;
        }
        if (v == FALSE) {
            return false;
        }
        throw Errors.caseClause(v);
    }

    private static Term[] rest(Term[] es, int from) {
        return Arrays.copyOfRange(es, from, es.length);
    }

    /** The list of {@code es[from..]} followed by the original tail. */
    private static Term suffixOf(Term l, int from) {
        Term[] es = elems(l);
        return Terms.list(rest(es, from), tail(l));
    }

    // ---- map, fold and friends

    private static void higherOrder(Reg r) {
        r.c2("map", (ctx, f, l) -> {
            requireFun(f, 1);
            if (!Terms.isList(l)) {
                throw Errors.caseClause(l);
            }
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                out.add(ctx.apply(f, List.of(e)));
            }
            endOrClause(l);
            return Terms.list(out);
        });
        r.c2("foreach", (ctx, f, l) -> {
            requireFun(f, 1);
            for (Term e : elems(l)) {
                ctx.apply(f, List.of(e));
            }
            endOrClause(l);
            return Atom.OK;
        });
        r.c2("flatmap", (ctx, f, l) -> {
            requireFun(f, 1);
            List<Term> parts = new ArrayList<>();
            for (Term e : elems(l)) {
                parts.add(ctx.apply(f, List.of(e)));
            }
            endOrClause(l);
            List<Term> out = new ArrayList<>();
            for (Term p : parts) {
                out.addAll(Arrays.asList(Terms.properOrBadarg(p)));
            }
            return Terms.list(out);
        });
        r.c3("foldl", (ctx, f, acc, l) -> {
            requireFun(f, 2);
            if (!Terms.isList(l)) {
                throw Errors.caseClause(l);
            }
            for (Term e : elems(l)) {
                acc = ctx.apply(f, List.of(e, acc));
            }
            endOrClause(l);
            return acc;
        });
        r.c3("foldr", (ctx, f, acc, l) -> {
            requireFun(f, 2);
            endOrClause(l);
            Term[] es = elems(l);
            for (int i = es.length - 1; i >= 0; i--) {
                acc = ctx.apply(f, List.of(es[i], acc));
            }
            return acc;
        });
        r.c3("mapfoldl", (ctx, f, acc, l) -> {
            requireFun(f, 2);
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                Term[] ra = pair(ctx.apply(f, List.of(e, acc)));
                out.add(ra[0]);
                acc = ra[1];
            }
            endOrClause(l);
            return new Tuple(Terms.list(out), acc);
        });
        r.c3("mapfoldr", (ctx, f, acc, l) -> {
            requireFun(f, 2);
            endOrClause(l);
            Term[] es = elems(l);
            Term[] out = new Term[es.length];
            for (int i = es.length - 1; i >= 0; i--) {
                Term[] ra = pair(ctx.apply(f, List.of(es[i], acc)));
                out[i] = ra[0];
                acc = ra[1];
            }
            return new Tuple(Terms.list(out), acc);
        });
        r.c2("filter", (ctx, f, l) -> {
            requireFun(f, 1);
            // erl's filter is a list comprehension: bad generators and non-boolean filters raise as such.
            if (!Terms.isList(l)) {
                throw Errors.error(new Tuple(Atom.of("bad_generator"), l));
            }
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                Term v = ctx.apply(f, List.of(e));
                if (v == TRUE) {
                    out.add(e);
                } else if (v != FALSE) {
                    throw Errors.error(new Tuple(Atom.of("bad_filter"), v));
                }
            }
            if (tail(l) != Nil.NIL) {
                throw Errors.error(new Tuple(Atom.of("bad_generator"), tail(l)));
            }
            return Terms.list(out);
        });
        r.c2("filtermap", (ctx, f, l) -> {
            requireFun(f, 1);
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                Term v = ctx.apply(f, List.of(e));
                if (v == TRUE) {
                    out.add(e);
                } else if (v instanceof Tuple t && t.arity() == 2 && t.get(0) == TRUE) {
                    out.add(t.get(1));
                } else if (v != FALSE) {
                    throw Errors.caseClause(v);
                }
            }
            endOrClause(l);
            return Terms.list(out);
        });
        r.c3("zipwith", (ctx, f, a, b) -> {
            Term[] x = elems(a);
            Term[] y = elems(b);
            int n = Math.min(x.length, y.length);
            List<Term> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(ctx.apply(f, List.of(x[i], y[i])));
            }
            zipEnd(x.length, y.length, -1, a, b, null);
            requireFun(f, 2);
            return Terms.list(out);
        });
        r.c4("zipwith3", (ctx, f, a, b, c) -> {
            Term[] x = elems(a);
            Term[] y = elems(b);
            Term[] z = elems(c);
            int n = Math.min(x.length, Math.min(y.length, z.length));
            List<Term> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(ctx.apply(f, List.of(x[i], y[i], z[i])));
            }
            zipEnd(x.length, y.length, z.length, a, b, c);
            requireFun(f, 3);
            return Terms.list(out);
        });
        r.c3("keymap", (ctx, f, n, l) -> {
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                Term[] es = keyTuple(e, n);
                int i = (int) ((ErlInt) n).value() - 1;
                Term[] copy = es.clone();
                copy[i] = ctx.apply(f, List.of(es[i]));
                out.add(new Tuple(copy));
            }
            endOrClause(l);
            if (!(n instanceof ErlInt i && i.value() >= 1)) {
                throw Errors.functionClause();
            }
            requireFun(f, 1);
            return Terms.list(out);
        });
    }

    /** The element array of a tuple that has position {@code n}; badarg otherwise (erl's element/2). */
    private static Term[] keyTuple(Term t, Term n) {
        if (t instanceof Tuple tu && n instanceof ErlInt i && i.value() >= 1 && i.value() <= tu.arity()) {
            return tu.elements();
        }
        throw Errors.badarg();
    }

    private static Term[] pair(Term v) {
        if (v instanceof Tuple t && t.arity() == 2) {
            return t.elements();
        }
        throw Errors.error(new Tuple(Atom.of("badmatch"), v));
    }

    /** zip's last clause wants all lists to end together, each in []. */
    private static void zipEnd(int nx, int ny, int nz, Term a, Term b, Term c) {
        boolean same = nx == ny && (nz < 0 || nz == nx);
        if (!same || tail(a) != Nil.NIL || tail(b) != Nil.NIL || (c != null && tail(c) != Nil.NIL)) {
            throw Errors.functionClause();
        }
    }

    // ---- predicates

    private static void predicates(Reg r) {
        r.c2("all", (ctx, p, l) -> {
            requireFun(p, 1);
            if (!Terms.isList(l)) {
                throw Errors.caseClause(l);
            }
            for (Term e : elems(l)) {
                if (!test(ctx, p, e)) {
                    return FALSE;
                }
            }
            endOrClause(l);
            return TRUE;
        });
        r.c2("any", (ctx, p, l) -> {
            requireFun(p, 1);
            if (!Terms.isList(l)) {
                throw Errors.caseClause(l);
            }
            for (Term e : elems(l)) {
                if (test(ctx, p, e)) {
                    return TRUE;
                }
            }
            endOrClause(l);
            return FALSE;
        });
        r.c2("search", (ctx, p, l) -> {
            requireFun(p, 1);
            for (Term e : elems(l)) {
                if (test(ctx, p, e)) {
                    return new Tuple(VALUE, e);
                }
            }
            endOrClause(l);
            return FALSE;
        });
        r.c2("takewhile", (ctx, p, l) -> {
            requireFun(p, 1);
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                if (!test(ctx, p, e)) {
                    return Terms.list(out);
                }
                out.add(e);
            }
            endOrClause(l);
            return Terms.list(out);
        });
        r.c2("dropwhile", (ctx, p, l) -> {
            requireFun(p, 1);
            Term[] es = elems(l);
            for (int i = 0; i < es.length; i++) {
                if (!test(ctx, p, es[i])) {
                    return suffixOf(l, i);
                }
            }
            endOrClause(l);
            return Nil.NIL;
        });
        r.c2("splitwith", (ctx, p, l) -> {
            requireFun(p, 1);
            Term[] es = elems(l);
            for (int i = 0; i < es.length; i++) {
                if (!test(ctx, p, es[i])) {
                    return new Tuple(Terms.list(Arrays.copyOf(es, i)), suffixOf(l, i));
                }
            }
            endOrClause(l);
            return new Tuple(l, Nil.NIL);
        });
        r.c2("partition", (ctx, p, l) -> {
            requireFun(p, 1);
            List<Term> yes = new ArrayList<>();
            List<Term> no = new ArrayList<>();
            for (Term e : elems(l)) {
                (test(ctx, p, e) ? yes : no).add(e);
            }
            endOrClause(l);
            return new Tuple(Terms.list(yes), Terms.list(no));
        });
        r.f2("member", (x, l) -> {
            for (Term e : elems(l)) {
                if (Terms.exactEq(e, x)) {
                    return TRUE;
                }
            }
            if (tail(l) != Nil.NIL) {
                throw Errors.badarg();
            }
            return FALSE;
        });
        r.f2("prefix", (a, b) -> {
            Term[] x = elems(a);
            Term[] y = elems(b);
            int i = 0;
            while (i < x.length && i < y.length && Terms.exactEq(x[i], y[i])) {
                i++;
            }
            Term restA = suffixOf(a, i);
            Term restB = suffixOf(b, i);
            // prefix([], L) when is_list(L) -> true; prefix([_|_], L) when is_list(L) -> false.
            if (!Terms.isList(restA) || !Terms.isList(restB)) {
                throw Errors.functionClause();
            }
            return Terms.bool(restA == Nil.NIL);
        });
        r.f2("suffix", (a, b) -> {
            Term[] x = Terms.properOrBadarg(a);
            Term[] y = Terms.properOrBadarg(b);
            int delta = y.length - x.length;
            if (delta < 0) {
                return FALSE;
            }
            return Terms.bool(Terms.exactEq(Terms.list(rest(y, delta)), a));
        });
    }

    // ---- building lists

    private static void building(Reg r) {
        r.f2("seq", (from, to) -> {
            if (!(from instanceof ErlInt a) || !(to instanceof ErlInt b) || a.value() - 1 > b.value()) {
                throw Errors.functionClause();
            }
            return seq(a.value(), b.value(), 1);
        });
        r.f3("seq", (from, to, inc) -> {
            if (!(from instanceof ErlInt a) || !(to instanceof ErlInt b) || !(inc instanceof ErlInt s)) {
                throw Errors.badarg();
            }
            long x = a.value();
            long y = b.value();
            long d = s.value();
            if ((d > 0 && x - d <= y) || (d < 0 && x - d >= y)) {
                return seq(x, y, d);
            }
            if (d == 0 && x == y) {
                return ErlList.of(a);
            }
            throw Errors.badarg();
        });
        r.f1("reverse", l -> {
            Term[] es = elems(l);
            if (!Terms.isList(l) || (es.length < 2 && tail(l) != Nil.NIL)) {
                throw Errors.functionClause();
            }
            if (tail(l) != Nil.NIL) {
                throw Errors.badarg();
            }
            return Terms.list(reversed(es));
        });
        r.f2("reverse", (l, t) -> {
            Term[] es = Terms.properOrBadarg(l);
            return Terms.list(reversed(es), t);
        });
        r.f1("append", ls -> {
            Term[] parts = Terms.properOrClause(ls);
            if (parts.length == 0) {
                return Nil.NIL;
            }
            Term acc = parts[parts.length - 1];
            for (int i = parts.length - 2; i >= 0; i--) {
                acc = Operators.append(parts[i], acc);
            }
            return acc;
        });
        r.f2("append", Operators::append);
        r.f2("subtract", Operators::subtract);
        r.f1("concat", things -> {
            StringBuilder sb = new StringBuilder();
            for (Term t : Terms.properOrClause(things)) {
                sb.append(thingToString(t));
            }
            return Terms.string(sb.toString());
        });
        r.f1("flatten", l -> {
            if (!Terms.isList(l)) {
                throw Errors.functionClause();
            }
            List<Term> out = new ArrayList<>();
            flatten(l, out);
            return Terms.list(out);
        });
        r.f2("flatten", (l, t) -> {
            if (!Terms.isList(l) || !Terms.isList(t)) {
                throw Errors.functionClause();
            }
            List<Term> out = new ArrayList<>();
            flatten(l, out);
            return Terms.list(out, t);
        });
        r.f1("flatlength", l -> {
            List<Term> out = new ArrayList<>();
            flatten(l, out);
            return ErlInt.of(out.size());
        });
        r.f2("duplicate", (n, x) -> {
            if (!(n instanceof ErlInt i) || i.value() < 0) {
                throw Errors.functionClause();
            }
            Term[] es = new Term[Math.toIntExact(i.value())];
            Arrays.fill(es, x);
            return Terms.list(es);
        });
        r.f2("zip", (a, b) -> {
            Term[] x = elems(a);
            Term[] y = elems(b);
            zipEnd(x.length, y.length, -1, a, b, null);
            Term[] out = new Term[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = new Tuple(x[i], y[i]);
            }
            return Terms.list(out);
        });
        r.f3("zip3", (a, b, c) -> {
            Term[] x = elems(a);
            Term[] y = elems(b);
            Term[] z = elems(c);
            zipEnd(x.length, y.length, z.length, a, b, c);
            Term[] out = new Term[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = new Tuple(x[i], y[i], z[i]);
            }
            return Terms.list(out);
        });
        r.f1("unzip", l -> unzip(l, 2));
        r.f1("unzip3", l -> unzip(l, 3));
        r.f2("join", (sep, l) -> {
            Term[] es = elems(l);
            endOrClause(l);
            return Terms.join(sep, es);
        });
        r.f1("enumerate", l -> {
            if (!Terms.isList(l)) {
                throw Errors.functionClause();
            }
            return enumerate(1, l);
        });
        r.f2("enumerate", (n, l) -> {
            if (!(n instanceof ErlInt i) || !Terms.isList(l)) {
                throw Errors.functionClause();
            }
            return enumerate(i.value(), l);
        });
    }

    private static Term seq(long from, long to, long inc) {
        long n = (to - from + inc) / inc;
        Term[] out = new Term[Math.toIntExact(n)];
        long x = from;
        for (int i = 0; i < n; i++, x += inc) {
            out[i] = ErlInt.of(x);
        }
        return Terms.list(out);
    }

    static Term[] reversed(Term[] es) {
        Term[] out = new Term[es.length];
        for (int i = 0; i < es.length; i++) {
            out[i] = es[es.length - 1 - i];
        }
        return out;
    }

    /** concat's thing_to_list: atoms, integers and floats as erl writes them with atom/integer/float_to_list. */
    private static String thingToString(Term t) {
        if (t instanceof Atom a) {
            return a.name();
        }
        if (Terms.isInteger(t)) {
            return Numbers.integerToString(t, 10);
        }
        if (t instanceof ErlFloat f) {
            return Numbers.scientific(f.value(), 20);
        }
        if (Terms.isList(t)) {
            // thing_to_list returns a list as it is; ++ then needs it proper
            String s = Terms.chars(t);
            if (s != null) {
                return s;
            }
            throw Errors.badarg();
        }
        throw Errors.functionClause();
    }

    /** Flattens a deep list into {@code out}; function_clause for an improper list at any depth. */
    private static void flatten(Term l, List<Term> out) {
        for (Term e : elems(l)) {
            if (Terms.isList(e)) {
                flatten(e, out);
            } else {
                out.add(e);
            }
        }
        endOrClause(l);
    }

    private static Term unzip(Term l, int n) {
        Term[] es = elems(l);
        List<List<Term>> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(new ArrayList<>());
        }
        for (Term e : es) {
            if (!(e instanceof Tuple t) || t.arity() != n) {
                throw Errors.functionClause();
            }
            for (int i = 0; i < n; i++) {
                cols.get(i).add(t.get(i));
            }
        }
        endOrClause(l);
        Term[] out = new Term[n];
        for (int i = 0; i < n; i++) {
            out[i] = Terms.list(cols.get(i));
        }
        return new Tuple(out);
    }

    private static Term enumerate(long start, Term l) {
        Term[] es = elems(l);
        endOrClause(l);
        Term[] out = new Term[es.length];
        for (int i = 0; i < es.length; i++) {
            out[i] = new Tuple(Operators.arith("+", ErlInt.of(start), ErlInt.of(i)), es[i]);
        }
        return Terms.list(out);
    }

    // ---- picking elements

    private static void picking(Reg r) {
        r.f2("nth", (n, l) -> {
            Term[] es = elems(l);
            if (!(n instanceof ErlInt i) || i.value() < 1 || i.value() > es.length) {
                throw Errors.functionClause();
            }
            return es[(int) i.value() - 1];
        });
        r.f2("nthtail", (n, l) -> {
            Term[] es = elems(l);
            if (!(n instanceof ErlInt i) || i.value() < 0 || i.value() > es.length
                    || (i.value() == 0 && !Terms.isList(l))) {
                throw Errors.functionClause();
            }
            return suffixOf(l, (int) i.value());
        });
        r.f1("last", l -> {
            Term[] es = elems(l);
            if (es.length == 0) {
                throw Errors.functionClause();
            }
            endOrClause(l);
            return es[es.length - 1];
        });
        r.f1("droplast", l -> {
            Term[] es = elems(l);
            if (es.length == 0) {
                throw Errors.functionClause();
            }
            endOrClause(l);
            return Terms.list(Arrays.copyOf(es, es.length - 1));
        });
        r.f2("delete", (x, l) -> {
            Term[] es = elems(l);
            for (int i = 0; i < es.length; i++) {
                if (Terms.exactEq(es[i], x)) {
                    List<Term> out = new ArrayList<>(Arrays.asList(es).subList(0, i));
                    return Terms.list(out, suffixOf(l, i + 1));
                }
            }
            endOrClause(l);
            return l;
        });
        r.f2("split", (n, l) -> {
            if (!(n instanceof ErlInt i) || i.value() < 0 || !Terms.isList(l)) {
                throw Errors.badarg();
            }
            Term[] es = elems(l);
            if (i.value() > es.length) {
                throw Errors.badarg();
            }
            int k = (int) i.value();
            return new Tuple(Terms.list(Arrays.copyOf(es, k)), suffixOf(l, k));
        });
        r.f2("sublist", (l, n) -> {
            if (!(n instanceof ErlInt len) || !Terms.isList(l)) {
                throw Errors.functionClause();
            }
            return sublist(l, 0, len.value());
        });
        r.f3("sublist", (l, s, n) -> {
            // sublist(L, 1, N) when is_list(L), is_integer(N), N >= 0 -> sublist(L, N);
            // sublist([], S, _) when S >= 2 -> []; sublist([_|T], S, N) when S >= 2 -> sublist(T, S-1, N).
            if (!(s instanceof ErlInt start) || start.value() < 1) {
                throw Errors.functionClause();
            }
            Term[] es = elems(l);
            long skip = start.value() - 1;
            if (skip > es.length) {
                if (tail(l) != Nil.NIL) {
                    throw Errors.functionClause();
                }
                return Nil.NIL;
            }
            Term rest = suffixOf(l, (int) skip);
            if (skip > 0 && rest == Nil.NIL) {
                return Nil.NIL;
            }
            if (!(n instanceof ErlInt len) || len.value() < 0 || !Terms.isList(rest)) {
                throw Errors.functionClause();
            }
            return sublist(rest, 0, len.value());
        });
        r.f1("sum", l -> {
            Term sum = ErlInt.of(0);
            for (Term e : elems(l)) {
                sum = Operators.arith("+", sum, e);
            }
            endOrClause(l);
            return sum;
        });
        r.f1("max", l -> extreme(l, 1));
        r.f1("min", l -> extreme(l, -1));
        r.f1("uniq", l -> {
            Set<Term> seen = new HashSet<>();
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                if (seen.add(e)) {
                    out.add(e);
                }
            }
            endOrClause(l);
            return Terms.list(out);
        });
        r.c2("uniq", (ctx, f, l) -> {
            requireFun(f, 1);
            Set<Term> seen = new HashSet<>();
            List<Term> out = new ArrayList<>();
            for (Term e : elems(l)) {
                if (seen.add(ctx.apply(f, List.of(e)))) {
                    out.add(e);
                }
            }
            endOrClause(l);
            return Terms.list(out);
        });
    }

    /** sublist_2: the first {@code len} elements, fewer if the list is shorter. */
    private static Term sublist(Term l, int from, long len) {
        Term[] es = elems(l);
        if (len < 0) {
            throw Errors.functionClause();
        }
        int take = (int) Math.min(len, es.length - from);
        if (take < len && tail(l) != Nil.NIL) {
            throw Errors.functionClause();
        }
        return Terms.list(Arrays.copyOfRange(es, from, from + take));
    }

    /** The first largest (sign 1) or smallest (-1) element, by erl's order. */
    private static Term extreme(Term l, int sign) {
        Term[] es = elems(l);
        if (es.length == 0) {
            throw Errors.functionClause();
        }
        Term best = es[0];
        for (int i = 1; i < es.length; i++) {
            if (TermOrder.STANDARD.compare(es[i], best) * sign > 0) {
                best = es[i];
            }
        }
        endOrClause(l);
        return best;
    }

    // ---- tuples by key

    /** A key position: a positive small integer (keyfind and the other BIFs raise badarg). */
    private static int keyPos(Term n) {
        if (n instanceof ErlInt i && i.value() >= 1 && i.value() <= Integer.MAX_VALUE) {
            return (int) i.value();
        }
        throw Errors.badarg();
    }

    /** Whether {@code t} is a tuple whose element {@code pos} == {@code key}. */
    private static boolean keyMatch(Term t, int pos, Term key) {
        return t instanceof Tuple tu && tu.arity() >= pos && Terms.eq(tu.get(pos - 1), key);
    }

    /** The BIFs keyfind/keymember/keysearch: the first match, null for none; badarg at a bad tail or position. */
    private static Term keyScan(Term k, Term n, Term l) {
        int pos = keyPos(n);
        if (!Terms.isList(l)) {
            throw Errors.badarg();
        }
        for (Term e : elems(l)) {
            if (keyMatch(e, pos, k)) {
                return e;
            }
        }
        if (tail(l) != Nil.NIL) {
            throw Errors.badarg();
        }
        return null;
    }

    /** The library functions' guard: is_integer(N), N > 0 (function_clause otherwise). */
    private static int libKeyPos(Term n) {
        if (n instanceof ErlInt i && i.value() >= 1 && i.value() <= Integer.MAX_VALUE) {
            return (int) i.value();
        }
        throw Errors.functionClause();
    }

    private static void keys(Reg r) {
        r.f3("keyfind", (k, n, l) -> {
            Term e = keyScan(k, n, l);
            return e == null ? FALSE : e;
        });
        r.f3("keymember", (k, n, l) -> Terms.bool(keyScan(k, n, l) != null));
        r.f3("keysearch", (k, n, l) -> {
            Term e = keyScan(k, n, l);
            return e == null ? FALSE : new Tuple(VALUE, e);
        });
        r.f3("keydelete", (k, n, l) -> {
            int pos = libKeyPos(n);
            Term[] es = elems(l);
            for (int i = 0; i < es.length; i++) {
                if (keyMatch(es[i], pos, k)) {
                    return Terms.list(new ArrayList<>(Arrays.asList(es).subList(0, i)), suffixOf(l, i + 1));
                }
            }
            endOrClause(l);
            return l;
        });
        r.f4("keyreplace", (k, n, l, t) -> {
            int pos = libKeyPos(n);
            if (!(t instanceof Tuple)) {
                throw Errors.functionClause();
            }
            Term replaced = replaceFirstKey(l, pos, k, t);
            return replaced != null ? replaced : l;
        });
        r.f4("keystore", (k, n, l, t) -> {
            int pos = libKeyPos(n);
            if (!(t instanceof Tuple)) {
                throw Errors.functionClause();
            }
            Term replaced = replaceFirstKey(l, pos, k, t);
            if (replaced != null) {
                return replaced;
            }
            List<Term> out = new ArrayList<>(Arrays.asList(elems(l)));
            out.add(t);
            return Terms.list(out);
        });
        r.f3("keytake", (k, n, l) -> {
            int pos = libKeyPos(n);
            Term[] es = elems(l);
            for (int i = 0; i < es.length; i++) {
                if (keyMatch(es[i], pos, k)) {
                    List<Term> before = new ArrayList<>(Arrays.asList(es).subList(0, i));
                    return new Tuple(VALUE, es[i], Terms.list(before, suffixOf(l, i + 1)));
                }
            }
            endOrClause(l);
            return FALSE;
        });
        r.f2("ukeysort", (n, l) -> {
            int pos = libKeyPos(n);
            Term[] es = Terms.properOrClause(l);
            for (Term e : es) {
                keyTuple(e, n);
            }
            Term[] sorted = es.clone();
            Arrays.sort(sorted, Comparator.comparing(t -> ((Tuple) t).get(pos - 1), TermOrder.STANDARD));
            List<Term> out = new ArrayList<>();
            for (Term t : sorted) {
                Term last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last == null || !Terms.eq(((Tuple) last).get(pos - 1), ((Tuple) t).get(pos - 1))) {
                    out.add(t);
                }
            }
            return Terms.list(out);
        });
        r.f2("keysort", (n, l) -> {
            int pos = libKeyPos(n);
            Term[] es = Terms.properOrClause(l);
            if (es.length < 2) {
                return l;
            }
            for (Term e : es) {
                keyTuple(e, n);
            }
            Term[] sorted = es.clone();
            Arrays.sort(sorted, Comparator.comparing(t -> ((Tuple) t).get(pos - 1), TermOrder.STANDARD));
            return Terms.list(sorted);
        });
    }

    // ---- sorting

    private static void sorting(Reg r) {
        r.f1("sort", l -> {
            Term[] es = Terms.properOrClause(l);
            Term[] sorted = es.clone();
            Arrays.sort(sorted, TermOrder.STANDARD);
            return Terms.list(sorted);
        });
        r.f1("usort", l -> {
            Term[] es = Terms.properOrClause(l);
            Term[] sorted = es.clone();
            Arrays.sort(sorted, TermOrder.STANDARD);
            List<Term> out = new ArrayList<>();
            for (Term t : sorted) {
                if (out.isEmpty() || TermOrder.STANDARD.compare(out.get(out.size() - 1), t) != 0) {
                    out.add(t);
                }
            }
            return Terms.list(out);
        });
        r.c2("sort", (ctx, f, l) -> {
            requireFun(f, 2);
            Term[] es = Terms.properOrClause(l);
            return Terms.list(mergeSort(ctx, f, es));
        });
        r.c2("usort", (ctx, f, l) -> {
            requireFun(f, 2);
            Term[] sorted = mergeSort(ctx, f, Terms.properOrClause(l));
            List<Term> out = new ArrayList<>();
            for (Term t : sorted) {
                // equal under the ordering fun: each is =< the other
                if (!out.isEmpty() && lessEq(ctx, f, t, out.get(out.size() - 1))
                        && lessEq(ctx, f, out.get(out.size() - 1), t)) {
                    continue;
                }
                out.add(t);
            }
            return Terms.list(out);
        });
        r.f2("merge", (a, b) -> {
            Term[] x = Terms.properOrClause(a);
            Term[] y = Terms.properOrClause(b);
            List<Term> out = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < x.length && j < y.length) {
                out.add(TermOrder.STANDARD.compare(x[i], y[j]) <= 0 ? x[i++] : y[j++]);
            }
            out.addAll(Arrays.asList(x).subList(i, x.length));
            out.addAll(Arrays.asList(y).subList(j, y.length));
            return Terms.list(out);
        });
    }

    private static boolean lessEq(CallContext ctx, Term f, Term a, Term b) throws InterruptedException {
        return ctx.apply(f, List.of(a, b)) == TRUE;
    }

    /** A stable merge sort with an erl ordering fun ({@code F(A, B)} true when A may come before B). */
    private static Term[] mergeSort(CallContext ctx, Term f, Term[] es) throws InterruptedException {
        if (es.length < 2) {
            return es;
        }
        int mid = es.length / 2;
        Term[] a = mergeSort(ctx, f, Arrays.copyOfRange(es, 0, mid));
        Term[] b = mergeSort(ctx, f, Arrays.copyOfRange(es, mid, es.length));
        Term[] out = new Term[es.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            // b's element goes first only when it is strictly before a's: not F(a, b)
            out[k++] = lessEq(ctx, f, a[i], b[j]) ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }
}
