package io.jerl.shell.builtins;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The pure functions of module {@code erlang}: type tests, numbers, tuples, lists, maps, apply and the
 * exception-raising functions, and the operators as functions ({@code erlang:'+'/2}). Conversions between
 * types are in {@link Conversions}, clocks in {@link Clocks}.
 */
public final class ErlangBifs {
    private static final String[] BINARY_OPS = {"+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr",
        "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "and", "or", "xor", "++", "--"};
    private static final String[] UNARY_OPS = {"-", "+", "bnot", "not"};

    private ErlangBifs() {
    }

    public static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "erlang");
        operators(r);
        typeTests(r);
        numbers(r);
        tuples(r);
        lists(r);
        maps(r);
        control(r);
        hashes(r);
        Conversions.register(r);
        Clocks.register(registry);
    }

    private static void operators(Reg r) {
        for (String op : BINARY_OPS) {
            r.f2(op, (a, b) -> Operators.binary(op, a, b));
        }
        for (String op : UNARY_OPS) {
            r.f1(op, a -> Operators.unary(op, a));
        }
    }

    private static void typeTests(Reg r) {
        r.f1("is_atom", a -> Terms.bool(a instanceof Atom));
        r.f1("is_binary", a -> Terms.bool(a instanceof Binary));
        r.f1("is_bitstring", a -> Terms.bool(a instanceof Binary || a instanceof BitString));
        r.f1("is_boolean", a -> Terms.bool(Terms.isBoolean(a)));
        r.f1("is_float", a -> Terms.bool(a instanceof ErlFloat));
        r.f1("is_integer", a -> Terms.bool(Terms.isInteger(a)));
        r.f1("is_number", a -> Terms.bool(Terms.isNumber(a)));
        r.f1("is_list", a -> Terms.bool(Terms.isList(a)));
        r.f1("is_map", a -> Terms.bool(a instanceof ErlMap));
        r.f1("is_pid", a -> Terms.bool(a instanceof Pid));
        r.f1("is_port", a -> Terms.bool(a instanceof Port));
        r.f1("is_reference", a -> Terms.bool(a instanceof Ref));
        r.f1("is_tuple", a -> Terms.bool(a instanceof Tuple));
        r.f1("is_function", a -> Terms.bool(a instanceof Fun || a instanceof ExportFun));
        r.f2("is_function", (f, n) -> {
            if (!Terms.isInteger(n) || Terms.big(n).signum() < 0) {
                throw Errors.badarg();
            }
            int arity = f instanceof Fun fun ? fun.arity() : f instanceof ExportFun e ? e.arity() : -1;
            return Terms.bool(arity >= 0 && n instanceof ErlInt i && i.value() == arity);
        });
        r.f2("is_record", (t, tag) -> {
            if (!(tag instanceof Atom)) {
                throw Errors.badarg();
            }
            return Terms.bool(t instanceof Tuple tu && tu.arity() > 0 && tu.get(0) == tag);
        });
        r.f3("is_record", (t, tag, size) -> {
            if (!(tag instanceof Atom) || !(size instanceof ErlInt)) {
                throw Errors.badarg();
            }
            long n = ((ErlInt) size).value();
            return Terms.bool(t instanceof Tuple tu && tu.arity() > 0 && tu.arity() == n && tu.get(0) == tag);
        });
    }

    private static void numbers(Reg r) {
        r.f1("abs", a -> {
            if (a instanceof ErlInt i) {
                return i.value() >= 0 ? a : Operators.unary("-", a);
            } else if (a instanceof ErlBigInt b) {
                return b.value().signum() >= 0 ? a : ErlInt.of(b.value().negate());
            } else if (a instanceof ErlFloat f) {
                return new ErlFloat(Math.abs(f.value()));
            }
            throw Errors.badarg();
        });
        // erl: max(A, B) when A < B -> B; max(A, _) -> A.  (So max(1, 1.0) is 1 and max(1.0, 1) is 1.0.)
        r.f2("max", (a, b) -> TermOrder.STANDARD.compare(a, b) < 0 ? b : a);
        r.f2("min", (a, b) -> TermOrder.STANDARD.compare(a, b) > 0 ? b : a);
        r.f1("float", a -> new ErlFloat(Numbers.toFloatBif(a)));
        r.f1("trunc", a -> toInteger(a, 't'));
        r.f1("round", a -> toInteger(a, 'r'));
        r.f1("ceil", a -> toInteger(a, 'c'));
        r.f1("floor", a -> toInteger(a, 'f'));
    }

    private static Term toInteger(Term a, char how) {
        if (Terms.isInteger(a)) {
            return a;
        }
        if (!(a instanceof ErlFloat f)) {
            throw Errors.badarg();
        }
        double d = f.value();
        double r;
        switch (how) {
            case 'c':
                r = Math.ceil(d);
                break;
            case 'f':
                r = Math.floor(d);
                break;
            case 'r': {
                // C's round(): halves away from zero. d - trunc(d) is exact.
                double t = d < 0 ? Math.ceil(d) : Math.floor(d);
                double frac = Math.abs(d - t);
                r = frac >= 0.5 ? t + Math.signum(d) : t;
                break;
            }
            default:
                r = d;
        }
        return Numbers.truncToInteger(r);
    }

    private static Tuple tuple(Term t) {
        if (t instanceof Tuple tu) {
            return tu;
        }
        throw Errors.badarg();
    }

    /** A 1-based index into {@code size} slots (badarg outside 1..size). */
    private static int index(Term n, int size) {
        if (n instanceof ErlInt i && i.value() >= 1 && i.value() <= size) {
            return (int) i.value() - 1;
        }
        throw Errors.badarg();
    }

    private static void tuples(Reg r) {
        r.f2("element", (n, t) -> {
            Tuple tu = tuple(t);
            return tu.get(index(n, tu.arity()));
        });
        r.f3("setelement", (n, t, v) -> {
            Tuple tu = tuple(t);
            int i = index(n, tu.arity());
            Term[] es = tu.elements().clone();
            es[i] = v;
            return new Tuple(es);
        });
        r.f1("tuple_size", t -> ErlInt.of(tuple(t).arity()));
        r.f1("size", t -> {
            if (t instanceof Tuple tu) {
                return ErlInt.of(tu.arity());
            } else if (t instanceof Binary b) {
                return ErlInt.of(b.bytes().length);
            } else if (t instanceof BitString b) {
                return ErlInt.of(b.bytes().length - 1);
            }
            throw Errors.badarg();
        });
        r.f1("byte_size", t -> {
            if (t instanceof Binary b) {
                return ErlInt.of(b.bytes().length);
            } else if (t instanceof BitString b) {
                return ErlInt.of(b.bytes().length);
            }
            throw Errors.badarg();
        });
        r.f1("bit_size", t -> ErlInt.of(Binaries.bitSize(t)));
        r.f1("tuple_to_list", t -> Terms.list(tuple(t).elements()));
        r.f1("list_to_tuple", l -> new Tuple(Terms.properOrBadarg(l).clone()));
        r.f2("make_tuple", (n, v) -> {
            Term[] es = new Term[tupleSize(n)];
            Arrays.fill(es, v);
            return new Tuple(es);
        });
        r.f3("make_tuple", (n, v, init) -> {
            Term[] es = new Term[tupleSize(n)];
            Arrays.fill(es, v);
            for (Term e : Terms.properOrBadarg(init)) {
                if (!(e instanceof Tuple p) || p.arity() != 2) {
                    throw Errors.badarg();
                }
                es[index(p.get(0), es.length)] = p.get(1);
            }
            return new Tuple(es);
        });
        r.f2("append_element", (t, v) -> {
            Term[] es = Arrays.copyOf(tuple(t).elements(), tuple(t).arity() + 1);
            es[es.length - 1] = v;
            return new Tuple(es);
        });
        r.f3("insert_element", (n, t, v) -> {
            Term[] old = tuple(t).elements();
            int i = index(n, old.length + 1);
            Term[] es = new Term[old.length + 1];
            System.arraycopy(old, 0, es, 0, i);
            es[i] = v;
            System.arraycopy(old, i, es, i + 1, old.length - i);
            return new Tuple(es);
        });
        r.f2("delete_element", (n, t) -> {
            Term[] old = tuple(t).elements();
            int i = index(n, old.length);
            Term[] es = new Term[old.length - 1];
            System.arraycopy(old, 0, es, 0, i);
            System.arraycopy(old, i + 1, es, i, old.length - i - 1);
            return new Tuple(es);
        });
    }

    private static int tupleSize(Term n) {
        long size = Terms.natOrBadarg(n);
        if (size > (1 << 24) - 1) {
            throw Errors.badarg();
        }
        return (int) size;
    }

    private static void lists(Reg r) {
        r.f1("length", l -> ErlInt.of(Terms.properOrBadarg(l).length));
        r.f1("hd", l -> {
            if (l instanceof ErlList x) {
                return x.elements()[0];
            }
            throw Errors.badarg();
        });
        r.f1("tl", l -> {
            if (l instanceof ErlList x) {
                Term[] es = x.elements();
                return es.length == 1 ? x.tail() : new ErlList(Arrays.copyOfRange(es, 1, es.length), x.tail());
            }
            throw Errors.badarg();
        });
    }

    static ErlMap map(Term m) {
        if (m instanceof ErlMap x) {
            return x;
        }
        throw Errors.badmap(m);
    }

    private static void maps(Reg r) {
        r.f1("map_size", m -> {
            if (m instanceof ErlMap x) {
                return ErlInt.of(x.size());
            }
            throw Errors.badmap(m);
        });
        r.f2("map_get", (k, m) -> {
            Term v = map(m).get(k);
            if (v == null) {
                throw Errors.badkey(k);
            }
            return v;
        });
        r.f2("is_map_key", (k, m) -> Terms.bool(map(m).entries().containsKey(k)));
    }

    private static void control(Reg r) {
        r.c2("apply", (ctx, f, args) -> ctx.apply(f, List.of(Terms.properOrBadarg(args))));
        r.c3("apply", (ctx, m, f, args) -> {
            Term[] as = Terms.proper(args);
            if (!(m instanceof Atom mod) || !(f instanceof Atom fn) || as == null) {
                throw Errors.badarg();
            }
            return ctx.apply(new ExportFun(mod, fn, as.length), List.of(as));
        });
        r.f1("error", reason -> {
            throw ErlangException.error(reason);
        });
        r.f2("error", (reason, args) -> {
            throw ErlangException.error(reason);
        });
        r.f3("error", (reason, args, opts) -> {
            throw ErlangException.error(reason);
        });
        r.f1("exit", reason -> {
            throw ErlangException.exit(reason);
        });
        r.f1("throw", value -> {
            throw ErlangException.throwing(value);
        });
    }

    private static void hashes(Reg r) {
        r.f1("phash2", t -> ErlInt.of(Phash2.hash(t) & ((1L << 27) - 1)));
        r.f2("phash2", (t, range) -> {
            if (!Terms.isInteger(range)) {
                throw Errors.badarg();
            }
            BigInteger n = Terms.big(range);
            if (n.signum() <= 0 || n.bitLength() > 33 || n.longValue() > (1L << 32)) {
                throw Errors.badarg();
            }
            return ErlInt.of(Phash2.hash(t) % n.longValue());
        });
        r.f1("md5", data -> {
            try {
                return new Binary(MessageDigest.getInstance("MD5").digest(Binaries.iodata(data)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM has no MD5", e);
            }
        });
        r.f1("crc32", data -> {
            CRC32 c = new CRC32();
            c.update(Binaries.iodata(data));
            return ErlInt.of(c.getValue());
        });
        r.f1("adler32", data -> {
            Adler32 c = new Adler32();
            c.update(Binaries.iodata(data));
            return ErlInt.of(c.getValue());
        });
    }

    /** Whether {@code t} is a fun of {@code arity} arguments. */
    static boolean isFun(Term t, int arity) {
        return (t instanceof Fun f && f.arity() == arity) || (t instanceof ExportFun e && e.arity() == arity);
    }

    /** Calls a fun of one argument. */
    static Term call(CallContext ctx, Term fun, Term... args) throws InterruptedException {
        return ctx.apply(fun, List.of(args));
    }
}
