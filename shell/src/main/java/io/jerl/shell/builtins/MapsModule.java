package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Module {@code maps}. Entries are visited in the order erl iterates a map of up to 32 keys: sorted by key in
 * map-key order (integers before floats). erl keeps larger maps in a hash order of its own, which jerl does not
 * reproduce; it uses the same sorted order for them.
 */
public final class MapsModule {
    private static final Atom NONE = Atom.of("none");
    private static final Atom ERROR = Atom.ERROR;

    private MapsModule() {
    }

    public static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "maps");
        basics(r);
        iteration(r);
        combining(r);
    }

    static ErlMap map(Term m) {
        return ErlangBifs.map(m);
    }

    /** The entries of a map in erl's iteration order. */
    static List<Map.Entry<Term, Term>> ordered(ErlMap m) {
        List<Map.Entry<Term, Term>> es = new ArrayList<>(m.entries().entrySet());
        es.sort((x, y) -> TermOrder.MAP_KEY.compare(x.getKey(), y.getKey()));
        return es;
    }

    private static ErlMap with(ErlMap m, Term k, Term v) {
        LinkedHashMap<Term, Term> copy = new LinkedHashMap<>(m.entries());
        copy.put(k, v);
        return new ErlMap(copy);
    }

    private static void basics(Reg r) {
        r.f0("new", () -> ErlMap.EMPTY);
        r.f2("get", (k, m) -> {
            Term v = map(m).get(k);
            if (v == null) {
                throw Errors.badkey(k);
            }
            return v;
        });
        r.f3("get", (k, m, d) -> {
            Term v = map(m).get(k);
            return v == null ? d : v;
        });
        r.f2("find", (k, m) -> {
            Term v = map(m).get(k);
            return v == null ? ERROR : new Tuple(Atom.OK, v);
        });
        r.f2("is_key", (k, m) -> Terms.bool(map(m).entries().containsKey(k)));
        r.f3("put", (k, v, m) -> with(map(m), k, v));
        r.f3("update", (k, v, m) -> {
            ErlMap x = map(m);
            if (!x.entries().containsKey(k)) {
                throw Errors.badkey(k);
            }
            return with(x, k, v);
        });
        r.f2("remove", (k, m) -> {
            ErlMap x = map(m);
            if (!x.entries().containsKey(k)) {
                return x;
            }
            LinkedHashMap<Term, Term> copy = new LinkedHashMap<>(x.entries());
            copy.remove(k);
            return new ErlMap(copy);
        });
        r.f2("take", (k, m) -> {
            ErlMap x = map(m);
            Term v = x.get(k);
            if (v == null) {
                return ERROR;
            }
            LinkedHashMap<Term, Term> copy = new LinkedHashMap<>(x.entries());
            copy.remove(k);
            return new Tuple(v, new ErlMap(copy));
        });
        r.f1("size", m -> ErlInt.of(map(m).size()));
        r.f1("keys", m -> {
            List<Term> out = new ArrayList<>();
            ordered(map(m)).forEach(e -> out.add(e.getKey()));
            return Terms.list(out);
        });
        r.f1("values", m -> {
            List<Term> out = new ArrayList<>();
            ordered(map(m)).forEach(e -> out.add(e.getValue()));
            return Terms.list(out);
        });
        r.f1("to_list", m -> {
            List<Term> out = new ArrayList<>();
            ordered(map(m)).forEach(e -> out.add(new Tuple(e.getKey(), e.getValue())));
            return Terms.list(out);
        });
        r.f1("from_list", l -> {
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Term e : Terms.properOrBadarg(l)) {
                if (!(e instanceof Tuple t) || t.arity() != 2) {
                    throw Errors.badarg();
                }
                out.put(t.get(0), t.get(1));
            }
            return new ErlMap(out);
        });
        r.f2("from_keys", (ks, v) -> {
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Term k : Terms.properOrBadarg(ks)) {
                out.put(k, v);
            }
            return new ErlMap(out);
        });
        r.f2("merge", (a, b) -> {
            ErlMap x = map(a);
            ErlMap y = map(b);
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>(x.entries());
            out.putAll(y.entries());
            return new ErlMap(out);
        });
        r.f2("with", (ks, m) -> {
            ErlMap x = mapOrBadarg(m, Terms.isList(ks));
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Term k : ListsModule.elems(ks)) {
                Term v = x.get(k);
                if (v != null) {
                    out.put(k, v);
                }
            }
            ListsModule.endOrClause(ks);
            return new ErlMap(out);
        });
        r.f2("without", (ks, m) -> {
            ErlMap x = mapOrBadarg(m, Terms.isList(ks));
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>(x.entries());
            for (Term k : ListsModule.elems(ks)) {
                out.remove(k);
            }
            ListsModule.endOrClause(ks);
            return new ErlMap(out);
        });
    }

    /** erl's error_type: {badmap, M} when M is not a map, else badarg when the other guards failed. */
    private static ErlMap mapOrBadarg(Term m, boolean othersOk) {
        ErlMap x = map(m);
        if (!othersOk) {
            throw Errors.badarg();
        }
        return x;
    }

    // ---- iteration

    /**
     * The entries a map or an iterator still holds: {@code [Path | Map]} (from maps:iterator/1), {@code {K, V, I}}
     * or {@code none}; null for anything else.
     */
    private static List<Map.Entry<Term, Term>> iterEntries(Term it) {
        if (it instanceof ErlMap m) {
            return ordered(m);
        }
        List<Map.Entry<Term, Term>> out = new ArrayList<>();
        Term cur = it;
        while (cur instanceof Tuple t && t.arity() == 3) {
            out.add(Map.entry(t.get(0), t.get(1)));
            cur = t.get(2);
        }
        if (cur == NONE) {
            return out;
        }
        if (cur instanceof ErlList l && l.size() == 1 && l.elements()[0] instanceof ErlInt
                && l.tail() instanceof ErlMap m) {
            out.addAll(ordered(m));
            return out;
        }
        return null;
    }

    /** The entries for maps:map/filter/fold/foreach: badarg for a bad fun, {badmap, X} for a bad map. */
    private static List<Map.Entry<Term, Term>> funEntries(Term f, int arity, Term mapOrIter) {
        if (!ErlangBifs.isFun(f, arity)) {
            throw Errors.badarg();
        }
        List<Map.Entry<Term, Term>> es = iterEntries(mapOrIter);
        if (es == null) {
            throw Errors.badmap(mapOrIter);
        }
        return es;
    }

    private static void iteration(Reg r) {
        r.f1("iterator", m -> new ErlList(new Term[] {ErlInt.of(0)}, map(m)));
        r.f1("next", it -> {
            List<Map.Entry<Term, Term>> es = iterEntries(it);
            if (es == null || it instanceof ErlMap) {
                throw Errors.badarg();
            }
            Term chain = NONE;
            for (int i = es.size() - 1; i >= 0; i--) {
                chain = new Tuple(es.get(i).getKey(), es.get(i).getValue(), chain);
            }
            return chain;
        });
        r.c2("map", (ctx, f, m) -> {
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Map.Entry<Term, Term> e : funEntries(f, 2, m)) {
                out.put(e.getKey(), ctx.apply(f, List.of(e.getKey(), e.getValue())));
            }
            return new ErlMap(out);
        });
        r.c2("filter", (ctx, f, m) -> {
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Map.Entry<Term, Term> e : funEntries(f, 2, m)) {
                Term keep = ctx.apply(f, List.of(e.getKey(), e.getValue()));
                if (keep == Atom.TRUE) {
                    out.put(e.getKey(), e.getValue());
                } else if (keep != Atom.FALSE) {
                    throw Errors.caseClause(keep);
                }
            }
            return new ErlMap(out);
        });
        r.c2("filtermap", (ctx, f, m) -> {
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Map.Entry<Term, Term> e : funEntries(f, 2, m)) {
                Term v = ctx.apply(f, List.of(e.getKey(), e.getValue()));
                if (v == Atom.TRUE) {
                    out.put(e.getKey(), e.getValue());
                } else if (v instanceof Tuple t && t.arity() == 2 && t.get(0) == Atom.TRUE) {
                    out.put(e.getKey(), t.get(1));
                } else if (v != Atom.FALSE) {
                    throw Errors.caseClause(v);
                }
            }
            return new ErlMap(out);
        });
        r.c3("fold", (ctx, f, acc, m) -> {
            for (Map.Entry<Term, Term> e : funEntries(f, 3, m)) {
                acc = ctx.apply(f, List.of(e.getKey(), e.getValue(), acc));
            }
            return acc;
        });
        r.c2("foreach", (ctx, f, m) -> {
            for (Map.Entry<Term, Term> e : funEntries(f, 2, m)) {
                ctx.apply(f, List.of(e.getKey(), e.getValue()));
            }
            return Atom.OK;
        });
        r.c3("update_with", (ctx, k, f, m) -> {
            ErlMap x = mapOrBadarg(m, ErlangBifs.isFun(f, 1));
            Term v = x.get(k);
            if (v == null) {
                throw Errors.badkey(k);
            }
            return with(x, k, ctx.apply(f, List.of(v)));
        });
        r.c4("update_with", (ctx, k, f, init, m) -> {
            ErlMap x = mapOrBadarg(m, ErlangBifs.isFun(f, 1));
            Term v = x.get(k);
            return with(x, k, v == null ? init : ctx.apply(f, List.of(v)));
        });
        r.c2("groups_from_list", (ctx, f, l) -> groups(ctx, f, null, l));
        r.c3("groups_from_list", (ctx, f, vf, l) -> groups(ctx, f, vf, l));
    }

    /** maps:groups_from_list/2,3: elements grouped by key in list order, values mapped by {@code vf} if given. */
    private static Term groups(CallContext ctx, Term f, Term vf, Term l) throws InterruptedException {
        Term[] es = Terms.proper(l);
        if (!ErlangBifs.isFun(f, 1) || (vf != null && !ErlangBifs.isFun(vf, 1)) || es == null) {
            throw Errors.badarg();
        }
        // erl walks the list from the end, prepending, so each group keeps list order.
        LinkedHashMap<Term, List<Term>> groups = new LinkedHashMap<>();
        for (int i = es.length - 1; i >= 0; i--) {
            Term k = ctx.apply(f, List.of(es[i]));
            Term v = vf == null ? es[i] : ctx.apply(vf, List.of(es[i]));
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(0, v);
        }
        LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
        groups.forEach((k, vs) -> out.put(k, Terms.list(vs)));
        return new ErlMap(out);
    }

    // ---- two maps

    /** erl's error for intersect/merge_with: badarg for a bad combiner, else {badmap, first non-map}. */
    private static void twoMaps(Term f, Term a, Term b) {
        if (f != null && !ErlangBifs.isFun(f, 3)) {
            throw Errors.badarg();
        }
        if (!(a instanceof ErlMap)) {
            throw Errors.badmap(a);
        }
        if (!(b instanceof ErlMap)) {
            throw Errors.badmap(b);
        }
    }

    private static void combining(Reg r) {
        r.f2("intersect", (a, b) -> {
            twoMaps(null, a, b);
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Map.Entry<Term, Term> e : ordered((ErlMap) a)) {
                Term v = ((ErlMap) b).get(e.getKey());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return new ErlMap(out);
        });
        r.c3("intersect_with", (ctx, f, a, b) -> {
            twoMaps(f, a, b);
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>();
            for (Map.Entry<Term, Term> e : ordered((ErlMap) a)) {
                Term v = ((ErlMap) b).get(e.getKey());
                if (v != null) {
                    out.put(e.getKey(), ctx.apply(f, List.of(e.getKey(), e.getValue(), v)));
                }
            }
            return new ErlMap(out);
        });
        r.c3("merge_with", (ctx, f, a, b) -> {
            twoMaps(f, a, b);
            LinkedHashMap<Term, Term> out = new LinkedHashMap<>(((ErlMap) a).entries());
            for (Map.Entry<Term, Term> e : ordered((ErlMap) b)) {
                Term v1 = out.get(e.getKey());
                out.put(e.getKey(), v1 == null ? e.getValue()
                        : ctx.apply(f, List.of(e.getKey(), v1, e.getValue())));
            }
            return new ErlMap(out);
        });
    }
}
