package io.jerl.shell.eval;

import io.jerl.grammar.ast.BinExpr;
import io.jerl.grammar.ast.BinSegment;
import io.jerl.grammar.ast.StringLit;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Bit syntax, construction and matching: types {@code integer} (default), {@code float}, {@code binary}/
 * {@code bytes}, {@code bitstring}/{@code bits} and {@code utf8}; {@code signed}/{@code unsigned},
 * {@code big}/{@code little}/{@code native} (native is big), {@code unit:N}, sizes. {@code utf16}/{@code utf32}
 * are not supported (badarg). Construction errors raise {@code badarg}.
 */
final class Binaries {
    private Binaries() {
    }

    /** A growable sequence of bits, most significant first. */
    private static final class Bits {
        byte[] bytes = new byte[16];
        long len;

        void add(boolean bit) {
            int idx = (int) (len >>> 3);
            if (idx >= bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            if (bit) {
                bytes[idx] |= (byte) (0x80 >>> (len & 7));
            }
            len++;
        }

        void addInt(BigInteger v, long n) {
            for (long i = n - 1; i >= 0; i--) {
                add(v.testBit((int) i)); // two's complement for negatives
            }
        }

        void addAll(byte[] src, long nbits) {
            for (long i = 0; i < nbits; i++) {
                add(bit(src, i));
            }
        }

        Term term() {
            int n = (int) ((len + 7) >>> 3);
            byte[] out = Arrays.copyOf(bytes, n);
            int tail = (int) (len & 7);
            return tail == 0 ? new Binary(out) : new BitString(out, tail);
        }
    }

    static boolean bit(byte[] b, long i) {
        return (b[(int) (i >>> 3)] & (0x80 >>> (i & 7))) != 0;
    }

    private record Spec(String type, boolean signed, boolean little, int unit) {
    }

    private static Spec spec(BinSegment s) {
        String type = "integer";
        boolean signed = false;
        boolean little = false;
        for (String n : s.typeNames()) {
            switch (n) {
                case "integer": case "float": case "binary": case "bitstring": case "utf8": case "utf16": case "utf32":
                    type = n;
                    break;
                case "bytes": type = "binary"; break;
                case "bits": type = "bitstring"; break;
                case "signed": signed = true; break;
                case "unsigned": signed = false; break;
                case "little": little = true; break;
                case "big": case "native": little = false; break;
                default: throw badarg();
            }
        }
        Integer unit = s.unit();
        int u = unit != null ? unit : type.equals("binary") ? 8 : 1;
        return new Spec(type, signed, little, u);
    }

    private static ErlangException badarg() {
        return ErlangException.error(Atom.of("badarg"));
    }

    private static Long size(Evaluator ev, CallContext ctx, BinSegment s, Bindings b) throws InterruptedException {
        if (s.size() == null) {
            return null;
        }
        Term t = ev.eval(s.size(), b.copy(), ctx);
        if (t instanceof ErlInt i && i.value() >= 0) {
            return i.value();
        }
        if (t.equals(Atom.of("all"))) {
            return null;
        }
        throw badarg();
    }

    private static byte[] bitsOf(Term t) {
        if (t instanceof Binary bin) {
            return bin.bytes();
        }
        if (t instanceof BitString bs) {
            return bs.bytes();
        }
        return null;
    }

    private static long bitLength(Term t) {
        return t instanceof Binary bin ? bin.bytes().length * 8L : ((BitString) t).bitSize();
    }

    static Term build(Evaluator ev, CallContext ctx, BinExpr e, Bindings b) throws InterruptedException {
        Bits out = new Bits();
        for (BinSegment s : e.segments()) {
            Spec sp = spec(s);
            Long size = size(ev, ctx, s, b);
            if (s.value() instanceof StringLit str && (sp.type.equals("integer") || sp.type.startsWith("utf"))) {
                for (int cp : str.value().codePoints().toArray()) {
                    put(out, ErlInt.of(cp), sp, size);
                }
                continue;
            }
            put(out, ev.eval(s.value(), b, ctx), sp, size);
        }
        return out.term();
    }

    private static void put(Bits out, Term v, Spec sp, Long size) {
        switch (sp.type) {
            case "integer": {
                long n = (size == null ? 8 : size) * sp.unit;
                BigInteger x = BasicOperators.integer(v, false);
                putInt(out, x, n, sp.little);
                return;
            }
            case "float": {
                long n = (size == null ? 64 : size) * sp.unit;
                double d;
                if (v instanceof ErlFloat f) {
                    d = f.value();
                } else {
                    d = BasicOperators.integer(v, false).doubleValue();
                }
                if (n == 64) {
                    putInt(out, BigInteger.valueOf(Double.doubleToLongBits(d)), 64, sp.little);
                } else if (n == 32) {
                    putInt(out, BigInteger.valueOf(Float.floatToIntBits((float) d)), 32, sp.little);
                } else {
                    throw badarg();
                }
                return;
            }
            case "binary":
            case "bitstring": {
                byte[] src = bitsOf(v);
                if (src == null) {
                    throw badarg();
                }
                long have = bitLength(v);
                long n = size == null ? have : size * sp.unit;
                if (n > have || (sp.type.equals("binary") && size == null && have % 8 != 0)) {
                    throw badarg();
                }
                out.addAll(src, n);
                return;
            }
            case "utf8": {
                BigInteger x = BasicOperators.integer(v, false);
                int cp = x.intValue();
                if (x.bitLength() > 31 || cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw badarg();
                }
                byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.addAll(enc, enc.length * 8L);
                return;
            }
            default:
                throw badarg();
        }
    }

    private static void putInt(Bits out, BigInteger x, long n, boolean little) {
        if (little && n % 8 == 0) {
            for (long byteIdx = 0; byteIdx < n / 8; byteIdx++) {
                out.addInt(x.shiftRight((int) (byteIdx * 8)), 8);
            }
        } else {
            out.addInt(x, n);
        }
    }

    static boolean match(Evaluator ev, CallContext ctx, BinExpr e, Term v, Bindings b, Matcher m)
            throws InterruptedException {
        byte[] src = bitsOf(v);
        return src != null && matchPrefix(ev, ctx, e, src, 0, bitLength(v), b, m) == bitLength(v);
    }

    /** The bits after {@code from} in {@code v}, as a Binary or BitString (for binary generators). */
    static Term rest(Term v, long from) {
        byte[] src = bitsOf(v);
        Bits part = new Bits();
        for (long k = from; k < bitLength(v); k++) {
            part.add(bit(src, k));
        }
        return part.term();
    }

    static boolean isBits(Term v) {
        return bitsOf(v) != null;
    }

    static long length(Term v) {
        return bitLength(v);
    }

    /** Concatenates bitstrings (for binary comprehensions); badarg when one is not a bitstring. */
    static Term concat(List<Term> parts) {
        Bits out = new Bits();
        for (Term t : parts) {
            byte[] src = bitsOf(t);
            if (src == null) {
                throw badarg();
            }
            out.addAll(src, bitLength(t));
        }
        return out.term();
    }

    /**
     * Matches the segments against the bits {@code [start, total)} of {@code src}; the position where the
     * match ends, or -1 when it fails. {@link #match} requires the whole input to be used.
     */
    static long matchPrefix(Evaluator ev, CallContext ctx, BinExpr e, byte[] src, long start, long total,
                            Bindings b, Matcher m) throws InterruptedException {
        long pos = start;
        List<BinSegment> segs = e.segments();
        for (int i = 0; i < segs.size(); i++) {
            BinSegment s = segs.get(i);
            Spec sp = spec(s);
            Long size = size(ev, ctx, s, b);
            if (s.value() instanceof StringLit str && sp.type.equals("integer")) {
                for (int cp : str.value().codePoints().toArray()) {
                    long n = (size == null ? 8 : size) * sp.unit;
                    if (pos + n > total || !readInt(src, pos, n, sp).equals(ErlInt.of(BigInteger.valueOf(cp)
                            .and(BigInteger.ONE.shiftLeft((int) n).subtract(BigInteger.ONE))))) {
                        return -1;
                    }
                    pos += n;
                }
                continue;
            }
            Term got;
            switch (sp.type) {
                case "integer": {
                    long n = (size == null ? 8 : size) * sp.unit;
                    if (pos + n > total) {
                        return -1;
                    }
                    got = readInt(src, pos, n, sp);
                    pos += n;
                    break;
                }
                case "float": {
                    long n = (size == null ? 64 : size) * sp.unit;
                    if ((n != 64 && n != 32) || pos + n > total) {
                        return -1;
                    }
                    long raw = ((ErlInt) ErlInt.of(readUnsigned(src, pos, n, sp.little))).value();
                    double d = n == 64 ? Double.longBitsToDouble(raw) : Float.intBitsToFloat((int) raw);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return -1;
                    }
                    got = new ErlFloat(d);
                    pos += n;
                    break;
                }
                case "binary":
                case "bitstring": {
                    long n = size == null ? total - pos : size * sp.unit;
                    if (pos + n > total || (sp.type.equals("binary") && size == null && n % 8 != 0)) {
                        return -1;
                    }
                    Bits part = new Bits();
                    for (long k = 0; k < n; k++) {
                        part.add(bit(src, pos + k));
                    }
                    got = part.term();
                    pos += n;
                    break;
                }
                case "utf8": {
                    if (pos % 8 != 0 && total - pos < 8) {
                        return -1;
                    }
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    int cp = -1;
                    for (int k = 0; k < 4 && pos + 8L * (k + 1) <= total; k++) {
                        buf.write(readUnsigned(src, pos + 8L * k, 8, false).intValue());
                        byte[] sofar = buf.toByteArray();
                        String str = new String(sofar, StandardCharsets.UTF_8);
                        if (!str.contains("\uFFFD") && str.codePointCount(0, str.length()) == 1) {
                            cp = str.codePointAt(0);
                            break;
                        }
                    }
                    if (cp < 0) {
                        return -1;
                    }
                    got = ErlInt.of(cp);
                    pos += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length * 8L;
                    break;
                }
                default:
                    return -1;
            }
            if (!m.match(s.value(), got, b)) {
                return -1;
            }
        }
        return pos;
    }

    private static BigInteger readUnsigned(byte[] src, long pos, long n, boolean little) {
        BigInteger x = BigInteger.ZERO;
        if (little && n % 8 == 0) {
            for (long byteIdx = n / 8 - 1; byteIdx >= 0; byteIdx--) {
                x = x.shiftLeft(8).or(readUnsigned(src, pos + byteIdx * 8, 8, false));
            }
            return x;
        }
        for (long k = 0; k < n; k++) {
            x = x.shiftLeft(1);
            if (bit(src, pos + k)) {
                x = x.setBit(0);
            }
        }
        return x;
    }

    private static Term readInt(byte[] src, long pos, long n, Spec sp) {
        BigInteger x = readUnsigned(src, pos, n, sp.little);
        if (sp.signed && n > 0 && x.testBit((int) n - 1)) {
            x = x.subtract(BigInteger.ONE.shiftLeft((int) n));
        }
        return ErlInt.of(x);
    }
}
