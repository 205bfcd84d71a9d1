package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes Erlang's external term format. Bounded: every count and length read off the wire is checked against
 * the bytes that are left before anything is allocated (an element takes at least one byte, and the counts of
 * all unfinished containers together must fit in what remains), nesting is limited to {@code maxDepth} and
 * decoded iteratively (no recursion, so no stack overflow), and a compressed term may inflate to at most
 * {@code maxInflatedBytes}. Malformed input raises {@link ProtocolException} only, naming the tag and offset;
 * the buffer's reader index is then left where it was.
 *
 * <p>Instances hold only their limits, so one decoder may be shared by any number of threads.
 */
public final class TermDecoder {
    public static final int VERSION = 131;
    public static final int DEFAULT_MAX_DEPTH = 2048;
    public static final int DEFAULT_MAX_INFLATED_BYTES = 64 << 20;
    public static final TermDecoder DEFAULT = new TermDecoder(DEFAULT_MAX_DEPTH, DEFAULT_MAX_INFLATED_BYTES);

    static final int NEW_FLOAT_EXT = 70;
    static final int BIT_BINARY_EXT = 77;
    static final int COMPRESSED = 80;
    static final int ATOM_CACHE_REF = 82;
    static final int NEW_PID_EXT = 88;
    static final int NEW_PORT_EXT = 89;
    static final int NEWER_REFERENCE_EXT = 90;
    static final int SMALL_INTEGER_EXT = 97;
    static final int INTEGER_EXT = 98;
    static final int FLOAT_EXT = 99;
    static final int ATOM_EXT = 100;
    static final int REFERENCE_EXT = 101;
    static final int PORT_EXT = 102;
    static final int PID_EXT = 103;
    static final int SMALL_TUPLE_EXT = 104;
    static final int LARGE_TUPLE_EXT = 105;
    static final int NIL_EXT = 106;
    static final int STRING_EXT = 107;
    static final int LIST_EXT = 108;
    static final int BINARY_EXT = 109;
    static final int SMALL_BIG_EXT = 110;
    static final int LARGE_BIG_EXT = 111;
    static final int NEW_FUN_EXT = 112;
    static final int EXPORT_EXT = 113;
    static final int NEW_REFERENCE_EXT = 114;
    static final int SMALL_ATOM_EXT = 115;
    static final int MAP_EXT = 116;
    static final int FUN_EXT = 117;
    static final int ATOM_UTF8_EXT = 118;
    static final int SMALL_ATOM_UTF8_EXT = 119;
    static final int V4_PORT_EXT = 120;
    static final int LOCAL_EXT = 121;

    private static final int KIND_TUPLE = 0;
    private static final int KIND_LIST = 1;
    private static final int KIND_MAP = 2;
    private static final int KIND_FUN = 3;

    /** Fixed part of NEW_FUN_EXT after its tag: Size, Arity, Uniq, Index, NumFree. */
    private static final int FUN_FIXED = 4 + 1 + 16 + 4 + 4;
    /** Smallest possible NEW_FUN_EXT body: the fixed part, an empty atom, two small integers, a pid. */
    private static final int FUN_MIN_SIZE = FUN_FIXED + 2 + 2 + 2 + (1 + 2 + 12);

    private final int maxDepth;
    private final int maxInflatedBytes;

    /**
     * @param maxDepth         how deeply tuples, lists, maps and fun environments may nest (at least 1)
     * @param maxInflatedBytes the largest uncompressed size a compressed term may declare
     */
    public TermDecoder(int maxDepth, int maxInflatedBytes) {
        if (maxDepth < 1 || maxInflatedBytes < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 1 and maxInflatedBytes >= 0, got "
                    + maxDepth + " and " + maxInflatedBytes);
        }
        this.maxDepth = maxDepth;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxInflatedBytes() {
        return maxInflatedBytes;
    }

    /** Decodes a whole external term ({@code 131} and one term) that must fill {@code bytes} exactly. */
    public static Term fromBinary(byte[] bytes) {
        return DEFAULT.decodeAll(bytes);
    }

    /** Like {@link #fromBinary} with this decoder's limits. */
    public Term decodeAll(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        Term t = decode(in);
        if (in.isReadable()) {
            throw new ProtocolException("malformed external term: " + in.readableBytes()
                    + " bytes left over after the term ending at offset " + in.readerIndex());
        }
        return t;
    }

    /**
     * Reads {@code 131} and one term (possibly compressed, {@code 131, 80, ...}) from {@code in}, leaving the
     * reader index just after it. On error the reader index is unchanged.
     */
    public Term decode(ByteBuf in) {
        int start = in.readerIndex();
        try {
            if (!in.isReadable()) {
                throw new ProtocolException("malformed external term: empty input, expected the version byte 131");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new ProtocolException("malformed external term: version byte is " + version
                        + " at offset 0, expected 131");
            }
            if (in.isReadable() && in.getUnsignedByte(in.readerIndex()) == COMPRESSED) {
                in.skipBytes(1);
                return decodeCompressed(in, start);
            }
            return new Run(in, start, maxDepth).term();
        } catch (ProtocolException e) {
            in.readerIndex(start);
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours, not the peer's; still only ever a ProtocolException to the caller.
            int at = in.readerIndex() - start;
            in.readerIndex(start);
            throw new ProtocolException("malformed external term: internal decoder error near offset " + at + ": "
                    + e, e);
        }
    }

    /**
     * Reads one term that has no version byte (as inside a distribution header frame), leaving the reader
     * index after it. On error the reader index is unchanged.
     */
    public Term decodeTerm(ByteBuf in) {
        int start = in.readerIndex();
        try {
            return new Run(in, start, maxDepth).term();
        } catch (ProtocolException e) {
            in.readerIndex(start);
            throw e;
        } catch (RuntimeException e) {
            int at = in.readerIndex() - start;
            in.readerIndex(start);
            throw new ProtocolException("malformed external term: internal decoder error near offset " + at + ": "
                    + e, e);
        }
    }

    private Term decodeCompressed(ByteBuf in, int start) {
        if (in.readableBytes() < 4) {
            throw new ProtocolException("malformed external term: compressed term (tag 80) at offset 1 is cut"
                    + " short before its 4-byte uncompressed size");
        }
        long declared = in.readUnsignedInt();
        if (declared > maxInflatedBytes) {
            throw new ProtocolException("compressed term (tag 80) declares " + declared
                    + " uncompressed bytes, more than this decoder's limit of " + maxInflatedBytes);
        }
        int size = (int) declared;
        int inputLen = in.readableBytes();
        Inflater inflater = new Inflater();
        byte[] out;
        try {
            inflater.setInput(in.nioBuffer(in.readerIndex(), inputLen));
            // Grow as data arrives, so a short stream claiming a large size does not cost the full allocation.
            out = new byte[(int) Math.min(size, Math.max(4096L, 4L * inputLen))];
            int filled = 0;
            while (filled < size) {
                if (filled == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
                }
                int n = inflater.inflate(out, filled, out.length - filled);
                filled += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new ProtocolException("compressed term (tag 80) inflates to " + filled
                                + " bytes, less than the " + size + " it declares");
                    }
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new ProtocolException("compressed term (tag 80): the zlib stream is cut short after "
                                + filled + " of " + size + " bytes");
                    }
                }
            }
            byte[] probe = new byte[1];
            for (int guard = 0; !inflater.finished(); guard++) {
                int n = inflater.inflate(probe);
                if (n > 0) {
                    throw new ProtocolException("compressed term (tag 80) inflates to more than the " + size
                            + " bytes it declares");
                }
                if (inflater.needsInput() || inflater.needsDictionary() || guard > 64) {
                    throw new ProtocolException("compressed term (tag 80): the zlib stream does not end after the "
                            + size + " bytes it declares");
                }
            }
            in.skipBytes(inputLen - inflater.getRemaining());
        } catch (DataFormatException e) {
            throw new ProtocolException("compressed term (tag 80): bad zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        ByteBuf body = Unpooled.wrappedBuffer(out, 0, size);
        Term t;
        try {
            t = new Run(body, 0, maxDepth).term();
        } catch (ProtocolException e) {
            throw new ProtocolException(e.getMessage() + " (offset counted in the inflated data of the compressed"
                    + " term that starts at offset 1)", e);
        }
        if (body.isReadable()) {
            throw new ProtocolException("compressed term (tag 80): " + body.readableBytes()
                    + " inflated bytes left over after the term");
        }
        return t;
    }

    /** The free variables of a fun, read from its NEW_FUN_EXT bytes (for term order). */
    static Term[] funFreeVars(Fun f) {
        ByteBuf in = Unpooled.wrappedBuffer(f.encoded());
        try {
            Run r = new Run(in, 0, DEFAULT_MAX_DEPTH);
            if (in.readUnsignedByte() != NEW_FUN_EXT) {
                throw new ProtocolException("not a NEW_FUN_EXT");
            }
            in.skipBytes(FUN_FIXED - 4);
            long numFree = in.readUnsignedInt();
            r.atom(in.readUnsignedByte());
            r.funInteger("OldIndex");
            r.funInteger("OldUniq");
            r.pid(in.readUnsignedByte());
            if (numFree > in.readableBytes()) {
                throw new ProtocolException("more free variables than bytes");
            }
            Term[] vars = new Term[(int) numFree];
            for (int i = 0; i < vars.length; i++) {
                vars[i] = new Run(in, 0, DEFAULT_MAX_DEPTH).term();
            }
            return vars;
        } catch (ProtocolException e) {
            throw new ProtocolException("fun " + f.module().name() + " has malformed bytes: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProtocolException("fun " + f.module().name() + " has malformed bytes: " + e, e);
        }
    }

    /** One decoding pass: the buffer, where it started, and the stack of unfinished containers. */
    private static final class Run {
        private final ByteBuf in;
        private final int base;
        private final int maxDepth;
        private Frame[] stack;
        private int depth;
        /** Element slots of unfinished containers not yet begun; each needs at least one more byte. */
        private long reserved;
        /** Offset and tag of the term being read, for messages. */
        private int tagOffset;
        private int tag;

        Run(ByteBuf in, int base, int maxDepth) {
            this.in = in;
            this.base = base;
            this.maxDepth = maxDepth;
        }

        private ProtocolException error(String what) {
            return new ProtocolException("malformed external term: " + what + " (tag " + tag + " at offset "
                    + (tagOffset - base) + ")");
        }

        private void need(long n, String what) {
            if (n > in.readableBytes()) {
                throw error(what + " needs " + n + " bytes but only " + in.readableBytes() + " remain");
            }
        }

        /** Checks that {@code count} more elements, each at least one byte, fit in what remains. */
        private void reserve(long count, String what) {
            reserve(count, count, what);
        }

        private void reserve(long count, long declared, String what) {
            if (count + reserved > in.readableBytes()) {
                throw error(what + " claims " + declared + " elements but only " + in.readableBytes()
                        + " bytes remain" + (reserved > 0 ? " (" + reserved + " of them already owed to enclosing terms)" : ""));
            }
            reserved += count;
        }

        private void push(int kind, int count, Term[] items) {
            if (depth >= maxDepth) {
                throw error("terms nested more than " + maxDepth + " deep");
            }
            if (stack == null) {
                stack = new Frame[8];
            } else if (depth == stack.length) {
                stack = Arrays.copyOf(stack, Math.min(stack.length * 2, maxDepth + 1));
            }
            Frame f = stack[depth];
            if (f == null) {
                f = stack[depth] = new Frame();
            }
            f.kind = kind;
            f.count = count;
            f.filled = 0;
            f.items = items;
            f.tagOffset = tagOffset;
            depth++;
        }

        Term term() {
            reserved = 1;
            for (;;) {
                reserved--;
                Term value = next();
                if (value == null) {
                    continue; // a container was opened; read its first element
                }
                // Hand the value to the enclosing containers, closing each that it completes.
                for (;;) {
                    if (depth == 0) {
                        return value;
                    }
                    Frame f = stack[depth - 1];
                    if (f.filled < f.count) {
                        f.items[f.filled++] = value;
                        if (f.filled < f.count || f.kind == KIND_LIST) {
                            break;
                        }
                    } else if (f.kind != KIND_LIST) {
                        throw new IllegalStateException("frame overfilled");
                    } else {
                        // value is the list's tail
                        depth--;
                        value = f.count == 0 ? value : new ErlList(f.items, value);
                        f.items = null;
                        continue;
                    }
                    depth--;
                    value = close(f);
                    f.items = null;
                    f.fun = null;
                }
            }
        }

        private Term close(Frame f) {
            switch (f.kind) {
                case KIND_TUPLE:
                    return new Tuple(f.items);
                case KIND_MAP: {
                    Term[] kv = f.items;
                    LinkedHashMap<Term, Term> m = new LinkedHashMap<>(kv.length);
                    for (int i = 0; i < kv.length; i += 2) {
                        if (m.put(kv[i], kv[i + 1]) != null) {
                            tag = MAP_EXT;
                            tagOffset = f.tagOffset;
                            throw error("map has the key " + TermPrinter.print(kv[i]) + " twice");
                        }
                    }
                    return new ErlMap(m);
                }
                case KIND_FUN:
                    return finishFun(f.fun);
                default:
                    throw new IllegalStateException("kind " + f.kind);
            }
        }

        /** Reads one term: returns it, or null after opening a container whose elements come next. */
        private Term next() {
            tagOffset = in.readerIndex();
            tag = -1;
            if (!in.isReadable()) {
                throw error("input ends where a term should start");
            }
            tag = in.readUnsignedByte();
            switch (tag) {
                case SMALL_INTEGER_EXT:
                    need(1, "SMALL_INTEGER_EXT");
                    return ErlInt.of(in.readUnsignedByte());
                case INTEGER_EXT:
                    need(4, "INTEGER_EXT");
                    return ErlInt.of(in.readInt());
                case SMALL_BIG_EXT:
                    need(2, "SMALL_BIG_EXT header");
                    return big(in.readUnsignedByte());
                case LARGE_BIG_EXT:
                    need(5, "LARGE_BIG_EXT header");
                    return big(in.readUnsignedInt());
                case NEW_FLOAT_EXT:
                    need(8, "NEW_FLOAT_EXT");
                    return newFloat(in.readLong());
                case FLOAT_EXT:
                    return oldFloat();
                case ATOM_EXT:
                case SMALL_ATOM_EXT:
                case ATOM_UTF8_EXT:
                case SMALL_ATOM_UTF8_EXT:
                    return atomBody(tag);
                case SMALL_TUPLE_EXT: {
                    need(1, "SMALL_TUPLE_EXT arity");
                    return openTuple(in.readUnsignedByte());
                }
                case LARGE_TUPLE_EXT: {
                    need(4, "LARGE_TUPLE_EXT arity");
                    return openTuple(in.readUnsignedInt());
                }
                case NIL_EXT:
                    return Nil.NIL;
                case STRING_EXT:
                    return string();
                case LIST_EXT: {
                    need(4, "LIST_EXT length");
                    long n = in.readUnsignedInt();
                    reserve(n + 1, n, "LIST_EXT (plus a tail)");
                    push(KIND_LIST, (int) n, n == 0 ? EMPTY : new Term[(int) n]);
                    return null;
                }
                case MAP_EXT: {
                    need(4, "MAP_EXT arity");
                    long n = in.readUnsignedInt();
                    if (n == 0) {
                        return ErlMap.EMPTY;
                    }
                    reserve(2 * n, n, "MAP_EXT (2 terms per pair)");
                    push(KIND_MAP, (int) (2 * n), new Term[(int) (2 * n)]);
                    return null;
                }
                case BINARY_EXT: {
                    need(4, "BINARY_EXT length");
                    long n = in.readUnsignedInt();
                    need(n, "BINARY_EXT data");
                    if (n == 0) {
                        return Binary.EMPTY;
                    }
                    byte[] b = new byte[(int) n];
                    in.readBytes(b);
                    return new Binary(b);
                }
                case BIT_BINARY_EXT:
                    return bitBinary();
                case NEW_PID_EXT:
                case PID_EXT:
                    return pidBody(tag);
                case NEW_PORT_EXT:
                case PORT_EXT:
                case V4_PORT_EXT:
                    return portBody(tag);
                case NEWER_REFERENCE_EXT:
                case NEW_REFERENCE_EXT:
                case REFERENCE_EXT:
                    return refBody(tag);
                case EXPORT_EXT: {
                    Atom module = atom(readTag("EXPORT_EXT module"));
                    Atom function = atom(readTag("EXPORT_EXT function"));
                    int arityTag = readTag("EXPORT_EXT arity");
                    if (arityTag != SMALL_INTEGER_EXT) {
                        throw error("EXPORT_EXT arity has tag " + arityTag + ", expected SMALL_INTEGER_EXT (97)");
                    }
                    need(1, "EXPORT_EXT arity");
                    return new ExportFun(module, function, in.readUnsignedByte());
                }
                case NEW_FUN_EXT:
                    return openFun();
                case COMPRESSED:
                    throw error("a compressed term (80) may only follow the version byte, not appear inside a term");
                case ATOM_CACHE_REF:
                    throw error("ATOM_CACHE_REF (82) needs the atom cache of a distribution header;"
                            + " it cannot appear in a stand-alone term");
                case LOCAL_EXT:
                    throw error("LOCAL_EXT (121) is the private format of one Erlang node; only that node can decode"
                            + " it, so it must never be sent to jerl (the sender used term_to_binary(T, [local]))");
                case FUN_EXT:
                    throw error("FUN_EXT (117) is the pre-R8 fun format, which OTP no longer produces or accepts");
                case VERSION:
                    throw error("a version byte (131) inside a term");
                default:
                    throw error("unknown tag " + tag);
            }
        }

        private int readTag(String what) {
            tagOffset = in.readerIndex();
            if (!in.isReadable()) {
                throw error("input ends where the " + what + " should start");
            }
            return tag = in.readUnsignedByte();
        }

        private Term openTuple(long n) {
            if (n == 0) {
                return Tuple.EMPTY;
            }
            reserve(n, "tuple");
            push(KIND_TUPLE, (int) n, new Term[(int) n]);
            return null;
        }

        private Term string() {
            need(2, "STRING_EXT length");
            int n = in.readUnsignedShort();
            need(n, "STRING_EXT data");
            if (n == 0) {
                return Nil.NIL;
            }
            Term[] chars = new Term[n];
            for (int i = 0; i < n; i++) {
                chars[i] = ErlInt.of(in.readUnsignedByte());
            }
            return new ErlList(chars, Nil.NIL);
        }

        private Term big(long n) {
            int sign = in.readUnsignedByte();
            if (sign > 1) {
                throw error("bignum sign byte is " + sign + ", expected 0 or 1");
            }
            need(n, "bignum digits");
            int len = (int) n;
            if (len <= 7) {
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v |= (long) in.readUnsignedByte() << (8 * i);
                }
                return ErlInt.of(sign == 0 ? v : -v);
            }
            byte[] be = new byte[len + 1]; // leading zero keeps it positive
            for (int i = 0; i < len; i++) {
                be[len - i] = in.readByte();
            }
            BigInteger v = new BigInteger(be);
            return ErlInt.of(sign == 0 ? v : v.negate());
        }

        private Term newFloat(long bits) {
            double d = Double.longBitsToDouble(bits);
            if (!Double.isFinite(d)) {
                throw error("NEW_FLOAT_EXT is " + d + "; Erlang floats are finite");
            }
            return new ErlFloat(d);
        }

        private Term oldFloat() {
            need(31, "FLOAT_EXT text");
            int end = in.readerIndex() + 31;
            int len = in.bytesBefore(in.readerIndex(), 31, (byte) 0);
            if (len < 0) {
                len = 31;
            }
            String s = in.toString(in.readerIndex(), len, StandardCharsets.ISO_8859_1).strip();
            in.readerIndex(end);
            if (!isDecimalFloat(s)) {
                throw error("FLOAT_EXT text \"" + s + "\" is not a decimal float");
            }
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw error("FLOAT_EXT \"" + s + "\" is out of range");
            }
            return new ErlFloat(d);
        }

        /** [+-]digits[.digits][(e|E)[+-]digits], with at least one digit in the mantissa. */
        private static boolean isDecimalFloat(String s) {
            int i = 0;
            int n = s.length();
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    digits++;
                }
            }
            if (digits == 0) {
                return false;
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int exp = 0;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    exp++;
                }
                if (exp == 0) {
                    return false;
                }
            }
            return i == n;
        }

        private Term bitBinary() {
            need(5, "BIT_BINARY_EXT header");
            long n = in.readUnsignedInt();
            int bits = in.readUnsignedByte();
            if (n == 0) {
                if (bits != 0) {
                    throw error("BIT_BINARY_EXT of 0 bytes has " + bits + " bits in its last byte, expected 0");
                }
                return Binary.EMPTY;
            }
            if (bits < 1 || bits > 8) {
                throw error("BIT_BINARY_EXT uses " + bits + " bits of its last byte, expected 1..8");
            }
            need(n, "BIT_BINARY_EXT data");
            byte[] b = new byte[(int) n];
            in.readBytes(b);
            return bits == 8 ? new Binary(b) : new BitString(b, bits);
        }

        /** Reads an atom whose tag has been read; any other tag is an error. */
        Atom atom(int atomTag) {
            switch (atomTag) {
                case ATOM_EXT:
                case SMALL_ATOM_EXT:
                case ATOM_UTF8_EXT:
                case SMALL_ATOM_UTF8_EXT:
                    return atomBody(atomTag);
                case ATOM_CACHE_REF:
                    throw error("ATOM_CACHE_REF (82) needs the atom cache of a distribution header");
                default:
                    throw error("expected an atom, found tag " + atomTag);
            }
        }

        private Atom atomBody(int atomTag) {
            boolean small = atomTag == SMALL_ATOM_EXT || atomTag == SMALL_ATOM_UTF8_EXT;
            need(small ? 1 : 2, "atom length");
            int len = small ? in.readUnsignedByte() : in.readUnsignedShort();
            need(len, "atom text");
            boolean utf8 = atomTag == ATOM_UTF8_EXT || atomTag == SMALL_ATOM_UTF8_EXT;
            int at = in.readerIndex();
            boolean ascii = true;
            for (int i = 0; i < len; i++) {
                if (in.getByte(at + i) < 0) {
                    ascii = false;
                    break;
                }
            }
            String name;
            if (ascii || !utf8) {
                if (len > Atom.MAX_CHARS) {
                    throw error("atom of " + len + " characters; erl allows at most " + Atom.MAX_CHARS);
                }
                name = in.toString(at, len, StandardCharsets.ISO_8859_1);
            } else {
                if (len > 4 * Atom.MAX_CHARS) {
                    throw error("UTF-8 atom of " + len + " bytes cannot have at most " + Atom.MAX_CHARS + " characters");
                }
                try {
                    CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(in.nioBuffer(at, len));
                    name = chars.toString();
                } catch (CharacterCodingException e) {
                    throw error("atom text is not valid UTF-8");
                }
                if (name.codePointCount(0, name.length()) > Atom.MAX_CHARS) {
                    throw error("atom of " + name.codePointCount(0, name.length()) + " characters; erl allows at most "
                            + Atom.MAX_CHARS);
                }
            }
            in.skipBytes(len);
            return Atom.of(name);
        }

        Pid pid(int pidTag) {
            if (pidTag != NEW_PID_EXT && pidTag != PID_EXT) {
                throw error("expected a pid, found tag " + pidTag);
            }
            return pidBody(pidTag);
        }

        private Pid pidBody(int pidTag) {
            int t = tag;
            int off = tagOffset;
            Atom node = atom(readTag("pid's node"));
            tag = t;
            tagOffset = off;
            need(pidTag == NEW_PID_EXT ? 12 : 9, "pid fields");
            int id = in.readInt();
            int serial = in.readInt();
            int creation = pidTag == NEW_PID_EXT ? in.readInt() : in.readUnsignedByte();
            return new Pid(node, id, serial, creation);
        }

        private Port portBody(int portTag) {
            int t = tag;
            int off = tagOffset;
            Atom node = atom(readTag("port's node"));
            tag = t;
            tagOffset = off;
            long id;
            int creation;
            if (portTag == V4_PORT_EXT) {
                need(12, "V4_PORT_EXT fields");
                id = in.readLong();
                creation = in.readInt();
            } else if (portTag == NEW_PORT_EXT) {
                need(8, "NEW_PORT_EXT fields");
                id = in.readUnsignedInt();
                creation = in.readInt();
            } else {
                need(5, "PORT_EXT fields");
                id = in.readUnsignedInt();
                creation = in.readUnsignedByte();
            }
            return new Port(node, id, creation);
        }

        private Ref refBody(int refTag) {
            int t = tag;
            int off = tagOffset;
            int len = 1;
            if (refTag != REFERENCE_EXT) {
                need(2, "reference length");
                len = in.readUnsignedShort();
                if (len < 1 || len > Ref.MAX_IDS) {
                    throw error("reference with " + len + " id words; jerl takes 1 to " + Ref.MAX_IDS);
                }
            }
            Atom node = atom(readTag("reference's node"));
            tag = t;
            tagOffset = off;
            int creation;
            int[] ids = new int[len];
            if (refTag == REFERENCE_EXT) {
                need(5, "REFERENCE_EXT fields");
                ids[0] = in.readInt();
                creation = in.readUnsignedByte();
            } else {
                boolean wide = refTag == NEWER_REFERENCE_EXT;
                need((wide ? 4 : 1) + 4L * len, "reference fields");
                creation = wide ? in.readInt() : in.readUnsignedByte();
                for (int i = 0; i < len; i++) {
                    ids[i] = in.readInt();
                }
            }
            return new Ref(node, creation, ids);
        }

        /** OldIndex / OldUniq of a fun: a SMALL_INTEGER_EXT or INTEGER_EXT. */
        long funInteger(String what) {
            int t = readTag("fun's " + what);
            if (t == SMALL_INTEGER_EXT) {
                need(1, "fun's " + what);
                return in.readUnsignedByte();
            } else if (t == INTEGER_EXT) {
                need(4, "fun's " + what);
                return in.readInt();
            }
            throw error("fun's " + what + " has tag " + t + ", expected an integer (97 or 98)");
        }

        private Term openFun() {
            int start = tagOffset;
            need(FUN_FIXED, "NEW_FUN_EXT header");
            long size = in.readUnsignedInt();
            if (size < FUN_MIN_SIZE) {
                throw error("NEW_FUN_EXT size " + size + " is smaller than the least possible " + FUN_MIN_SIZE);
            }
            need(size - 4, "NEW_FUN_EXT body (size " + size + ")");
            int end = start + 1 + (int) size;
            int arity = in.readUnsignedByte();
            in.skipBytes(16 + 4); // Uniq, Index
            long numFree = in.readUnsignedInt();
            FunHeader h = new FunHeader();
            h.start = start;
            h.end = end;
            h.arity = arity;
            h.module = atom(readTag("fun's module"));
            h.oldIndex = funInteger("OldIndex");
            h.oldUniq = funInteger("OldUniq");
            pid(readTag("fun's creator pid"));
            tag = NEW_FUN_EXT;
            tagOffset = start;
            if (in.readerIndex() > end) {
                throw error("NEW_FUN_EXT fields run past its size " + size);
            }
            if (numFree == 0) {
                return finishFun(h);
            }
            if (numFree > end - in.readerIndex()) {
                throw error("NEW_FUN_EXT claims " + numFree + " free variables in " + (end - in.readerIndex())
                        + " bytes");
            }
            reserve(numFree, "NEW_FUN_EXT free variables");
            push(KIND_FUN, (int) numFree, new Term[(int) numFree]);
            stack[depth - 1].fun = h;
            return null;
        }

        private Term finishFun(FunHeader h) {
            if (in.readerIndex() != h.end) {
                tag = NEW_FUN_EXT;
                tagOffset = h.start;
                throw error("NEW_FUN_EXT's size says it ends at offset " + (h.end - base) + " but its contents end at "
                        + (in.readerIndex() - base));
            }
            byte[] bytes = new byte[h.end - h.start];
            in.getBytes(h.start, bytes);
            return new Fun(h.module, h.oldIndex, h.oldUniq, h.arity, bytes);
        }
    }

    private static final Term[] EMPTY = new Term[0];

    private static final class Frame {
        int kind;
        int count;
        int filled;
        Term[] items;
        int tagOffset;
        FunHeader fun;
    }

    private static final class FunHeader {
        int start;
        int end;
        int arity;
        Atom module;
        long oldIndex;
        long oldUniq;
    }
}
