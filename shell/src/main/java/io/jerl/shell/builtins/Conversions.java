package io.jerl.shell.builtins;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.Tuple;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** erlang's conversion BIFs: atoms, integers, floats, lists, binaries and the external term format. */
final class Conversions {
    static final Atom LATIN1 = Atom.of("latin1");
    static final Atom UTF8 = Atom.of("utf8");
    static final Atom UNICODE = Atom.of("unicode");
    private static final Atom COMPRESSED = Atom.of("compressed");
    private static final Atom MINOR_VERSION = Atom.of("minor_version");
    private static final Atom DETERMINISTIC = Atom.of("deterministic");
    private static final Atom SAFE = Atom.of("safe");
    private static final Atom USED = Atom.of("used");

    private Conversions() {
    }

    static void register(Reg r) {
        atoms(r);
        integers(r);
        floats(r);
        binaries(r);
        externalFormat(r);
    }

    // ---- atoms

    private static void atoms(Reg r) {
        r.f1("atom_to_list", a -> Terms.string(atom(a).name()));
        r.f1("list_to_atom", l -> makeAtom(Terms.charsOrBadarg(l)));
        // jerl cannot know which atoms exist on the node, so every atom counts as existing.
        r.f1("list_to_existing_atom", l -> makeAtom(Terms.charsOrBadarg(l)));
        r.f1("atom_to_binary", a -> Binary.of(atom(a).name()));
        r.f2("atom_to_binary", (a, enc) -> atomToBinary(atom(a), enc));
        r.f1("binary_to_atom", b -> binaryToAtom(b, UTF8));
        r.f2("binary_to_atom", Conversions::binaryToAtom);
        r.f1("binary_to_existing_atom", b -> binaryToAtom(b, UTF8));
        r.f2("binary_to_existing_atom", Conversions::binaryToAtom);
    }

    private static Atom atom(Term t) {
        if (t instanceof Atom a) {
            return a;
        }
        throw Errors.badarg();
    }

    static Atom makeAtom(String name) {
        if (name.codePointCount(0, name.length()) > Atom.MAX_CHARS) {
            throw Errors.systemLimit();
        }
        return Atom.of(name);
    }

    private static Term atomToBinary(Atom a, Term enc) {
        if (enc == LATIN1) {
            String s = a.name();
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 0xFF) {
                    throw Errors.badarg();
                }
                out[i] = (byte) c;
            }
            return new Binary(out);
        }
        if (enc == UTF8 || enc == UNICODE) {
            return Binary.of(a.name());
        }
        throw Errors.badarg();
    }

    private static Term binaryToAtom(Term b, Term enc) {
        if (!(b instanceof Binary bin)) {
            throw Errors.badarg();
        }
        if (enc == LATIN1) {
            return makeAtom(new String(bin.bytes(), StandardCharsets.ISO_8859_1));
        }
        if (enc == UTF8 || enc == UNICODE) {
            String s = utf8(bin.bytes());
            if (s == null) {
                throw Errors.badarg();
            }
            return makeAtom(s);
        }
        throw Errors.badarg();
    }

    /** Strictly decoded UTF-8, or null when the bytes are not UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---- integers

    private static void integers(Reg r) {
        r.f1("integer_to_list", i -> Terms.string(Numbers.integerToString(integer(i), 10)));
        r.f2("integer_to_list", (i, base) -> Terms.string(Numbers.integerToString(integer(i),
                Numbers.baseOrBadarg(base))));
        r.f1("integer_to_binary", i -> Binary.of(Numbers.integerToString(integer(i), 10)));
        r.f2("integer_to_binary", (i, base) -> Binary.of(Numbers.integerToString(integer(i),
                Numbers.baseOrBadarg(base))));
        r.f1("list_to_integer", l -> parseInt(Terms.charsOrBadarg(l), 10));
        r.f2("list_to_integer", (l, base) -> parseInt(Terms.charsOrBadarg(l), Numbers.baseOrBadarg(base)));
        r.f1("binary_to_integer", b -> parseInt(latin1(b), 10));
        r.f2("binary_to_integer", (b, base) -> parseInt(latin1(b), Numbers.baseOrBadarg(base)));
    }

    private static Term integer(Term t) {
        if (Terms.isInteger(t)) {
            return t;
        }
        throw Errors.badarg();
    }

    private static Term parseInt(String s, int base) {
        Term v = Numbers.parseInteger(s, base);
        if (v == null) {
            throw Errors.badarg();
        }
        return v;
    }

    /** A binary's bytes as Latin-1 text; badarg for anything but a binary. */
    static String latin1(Term b) {
        return new String(Binaries.bytes(b), StandardCharsets.ISO_8859_1);
    }

    // ---- floats

    private static void floats(Reg r) {
        r.f1("float_to_list", f -> Terms.string(Numbers.floatToString(flt(f), Nil.NIL)));
        r.f2("float_to_list", (f, opts) -> Terms.string(Numbers.floatToString(flt(f), opts)));
        r.f1("float_to_binary", f -> Binary.of(Numbers.floatToString(flt(f), Nil.NIL)));
        r.f2("float_to_binary", (f, opts) -> Binary.of(Numbers.floatToString(flt(f), opts)));
        r.f1("list_to_float", l -> parseFloat(Terms.charsOrBadarg(l)));
        r.f1("binary_to_float", b -> parseFloat(latin1(b)));
    }

    private static double flt(Term t) {
        if (t instanceof ErlFloat f) {
            return f.value();
        }
        throw Errors.badarg();
    }

    private static Term parseFloat(String s) {
        Double d = Numbers.parseFloat(s);
        if (d == null) {
            throw Errors.badarg();
        }
        return new ErlFloat(d);
    }

    // ---- lists and binaries

    private static void binaries(Reg r) {
        r.f1("list_to_binary", l -> new Binary(Binaries.iolist(l)));
        r.f1("iolist_to_binary", l -> l instanceof Binary ? l : new Binary(Binaries.iodata(l)));
        r.f1("iolist_size", l -> ErlInt.of(Binaries.iolistSize(l)));
        r.f1("list_to_bitstring", Binaries::bitstringList);
        r.f1("binary_to_list", b -> bytesToList(Binaries.bytes(b), 0, Binaries.bytes(b).length));
        r.f3("binary_to_list", (b, start, stop) -> {
            byte[] bytes = Binaries.bytes(b);
            long from = Terms.smallOrBadarg(start);
            long to = Terms.smallOrBadarg(stop);
            if (from < 1 || to > bytes.length || from > to) {
                throw Errors.badarg();
            }
            return bytesToList(bytes, (int) from - 1, (int) to);
        });
        r.f1("bitstring_to_list", b -> {
            if (b instanceof Binary bin) {
                return bytesToList(bin.bytes(), 0, bin.bytes().length);
            }
            if (b instanceof BitString bits) {
                byte[] bytes = bits.bytes();
                List<Term> out = new ArrayList<>(bytes.length);
                for (int i = 0; i < bytes.length - 1; i++) {
                    out.add(ErlInt.of(bytes[i] & 0xFF));
                }
                out.add(new BitString(new byte[] {bytes[bytes.length - 1]}, bits.tailBits()));
                return Terms.list(out);
            }
            throw Errors.badarg();
        });
        r.f2("split_binary", (b, pos) -> {
            long bits = Binaries.bitSize(b);
            byte[] bytes = b instanceof Binary bin ? bin.bytes() : ((BitString) b).bytes();
            long p = Terms.smallOrBadarg(pos);
            if (p < 0 || p * 8 > bits) {
                throw Errors.badarg();
            }
            byte[] rest = Arrays.copyOfRange(bytes, (int) p, bytes.length);
            return new Tuple(new Binary(Arrays.copyOfRange(bytes, 0, (int) p)), Binaries.bits(rest, bits - p * 8));
        });
        r.f2("binary_part", (b, spec) -> {
            if (!(spec instanceof Tuple t) || t.arity() != 2) {
                throw Errors.badarg();
            }
            return binaryPart(b, t.get(0), t.get(1));
        });
        r.f3("binary_part", Conversions::binaryPart);
    }

    static Term bytesToList(byte[] bytes, int from, int to) {
        Term[] es = new Term[to - from];
        for (int i = from; i < to; i++) {
            es[i - from] = ErlInt.of(bytes[i] & 0xFF);
        }
        return Terms.list(es);
    }

    /** binary_part(Bin, Start, Len): a negative Len counts back from Start. */
    static Term binaryPart(Term b, Term start, Term len) {
        byte[] bytes = Binaries.bytes(b);
        long s = Terms.smallOrBadarg(start);
        long l = Terms.smallOrBadarg(len);
        long from = l >= 0 ? s : s + l;
        long to = l >= 0 ? s + l : s;
        if (s < 0 || from < 0 || to > bytes.length) {
            throw Errors.badarg();
        }
        return new Binary(Arrays.copyOfRange(bytes, (int) from, (int) to));
    }

    // ---- external term format

    private static void externalFormat(Reg r) {
        r.f1("term_to_binary", t -> new Binary(ExternalFormat.encode(t, 1, 0)));
        r.f2("term_to_binary", (t, opts) -> {
            int minor = 1;
            int level = 0;
            for (Term o : Terms.properOrBadarg(opts)) {
                if (o == COMPRESSED) {
                    level = 6;
                } else if (o == DETERMINISTIC) {
                    continue; // small maps are always written sorted; see ExternalFormat
                } else if (o instanceof Tuple p && p.arity() == 2 && p.get(1) instanceof ErlInt v
                        && p.get(0) == COMPRESSED && v.value() >= 0 && v.value() <= 9) {
                    level = (int) v.value();
                } else if (o instanceof Tuple p && p.arity() == 2 && p.get(1) instanceof ErlInt v
                        && p.get(0) == MINOR_VERSION && v.value() >= 0 && v.value() <= 2) {
                    minor = (int) v.value();
                } else {
                    throw Errors.badarg();
                }
            }
            return new Binary(ExternalFormat.encode(t, minor, level));
        });
        r.f1("binary_to_term", b -> decode(b, false));
        r.f2("binary_to_term", (b, opts) -> {
            boolean used = false;
            for (Term o : Terms.properOrBadarg(opts)) {
                if (o == USED) {
                    used = true;
                } else if (o != SAFE) {
                    throw Errors.badarg();
                }
            }
            return decode(b, used);
        });
    }

    /** The term encoded at the start of {@code b} (erl ignores bytes after it), or with {@code used} its length too. */
    private static Term decode(Term b, boolean used) {
        ByteBuf in = Unpooled.wrappedBuffer(Binaries.bytes(b));
        try {
            Term t = TermDecoder.DEFAULT.decode(in);
            return used ? new Tuple(t, ErlInt.of(in.readerIndex())) : t;
        } catch (ProtocolException e) {
            throw Errors.badarg();
        }
    }
}
