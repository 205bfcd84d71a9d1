package io.jerl.protocol.term;

import static io.jerl.protocol.term.TermDecoder.ATOM_UTF8_EXT;
import static io.jerl.protocol.term.TermDecoder.BINARY_EXT;
import static io.jerl.protocol.term.TermDecoder.BIT_BINARY_EXT;
import static io.jerl.protocol.term.TermDecoder.COMPRESSED;
import static io.jerl.protocol.term.TermDecoder.EXPORT_EXT;
import static io.jerl.protocol.term.TermDecoder.INTEGER_EXT;
import static io.jerl.protocol.term.TermDecoder.LARGE_BIG_EXT;
import static io.jerl.protocol.term.TermDecoder.LARGE_TUPLE_EXT;
import static io.jerl.protocol.term.TermDecoder.LIST_EXT;
import static io.jerl.protocol.term.TermDecoder.MAP_EXT;
import static io.jerl.protocol.term.TermDecoder.NEWER_REFERENCE_EXT;
import static io.jerl.protocol.term.TermDecoder.NEW_FLOAT_EXT;
import static io.jerl.protocol.term.TermDecoder.NEW_PID_EXT;
import static io.jerl.protocol.term.TermDecoder.NIL_EXT;
import static io.jerl.protocol.term.TermDecoder.SMALL_ATOM_UTF8_EXT;
import static io.jerl.protocol.term.TermDecoder.SMALL_BIG_EXT;
import static io.jerl.protocol.term.TermDecoder.SMALL_INTEGER_EXT;
import static io.jerl.protocol.term.TermDecoder.SMALL_TUPLE_EXT;
import static io.jerl.protocol.term.TermDecoder.STRING_EXT;
import static io.jerl.protocol.term.TermDecoder.V4_PORT_EXT;
import static io.jerl.protocol.term.TermDecoder.VERSION;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Encodes terms in Erlang's external term format exactly as OTP 25's {@code term_to_binary(T, [{minor_version, 2}])}
 * does (the distribution uses the same encoding): UTF-8 atoms, the smallest integer form, NEW_FLOAT_EXT, STRING_EXT
 * for short lists of bytes, maps of up to 32 keys in map-key order ({@link TermOrder#MAP_KEY}). Funs are written
 * back as the bytes they were received as; larger maps in their iteration order (erl accepts any order there).
 *
 * <p>Encoding is iterative, so terms of any nesting depth encode without recursion.
 */
public final class TermEncoder {
    /** Erl writes the keys of maps up to this size sorted (a flatmap); larger maps are hash maps. */
    static final int FLATMAP_MAX = 32;
    private static final int STRING_MAX = 65535;

    private TermEncoder() {
    }

    /** Writes {@code 131} and then {@code t}. */
    public static void encode(Term t, ByteBuf out) {
        out.writeByte(VERSION);
        encodeTerm(t, out);
    }

    /** Writes {@code t} without the version byte (as inside a distribution header frame). */
    public static void encodeTerm(Term t, ByteBuf out) {
        // Explicit stack of the containers being written: their element arrays, the next index in each, and
        // the tail to write after a list's elements.
        Term[][] arrays = null;
        int[] positions = null;
        Term[] tails = null;
        int sp = 0;
        Term next = t;
        for (;;) {
            Term[] children = null;
            Term tail = null;
            if (next instanceof Atom a) {
                writeAtom(a, out);
            } else if (next instanceof ErlInt i) {
                writeLong(i.value(), out);
            } else if (next instanceof Tuple tu) {
                Term[] es = tu.elements();
                if (es.length <= 255) {
                    out.writeByte(SMALL_TUPLE_EXT);
                    out.writeByte(es.length);
                } else {
                    out.writeByte(LARGE_TUPLE_EXT);
                    out.writeInt(es.length);
                }
                children = es;
            } else if (next instanceof ErlList l) {
                if (!writeString(l, out)) {
                    out.writeByte(LIST_EXT);
                    out.writeInt(l.elements().length);
                    children = l.elements();
                    tail = l.tail();
                }
            } else if (next == Nil.NIL) {
                out.writeByte(NIL_EXT);
            } else if (next instanceof Binary b) {
                out.writeByte(BINARY_EXT);
                out.writeInt(b.bytes().length);
                out.writeBytes(b.bytes());
            } else if (next instanceof ErlMap m) {
                out.writeByte(MAP_EXT);
                out.writeInt(m.size());
                children = mapChildren(m);
            } else if (next instanceof ErlFloat f) {
                out.writeByte(NEW_FLOAT_EXT);
                out.writeLong(Double.doubleToRawLongBits(f.value()));
            } else if (next instanceof Pid p) {
                out.writeByte(NEW_PID_EXT);
                writeAtom(p.node(), out);
                out.writeInt(p.id());
                out.writeInt(p.serial());
                out.writeInt(p.creation());
            } else if (next instanceof Ref r) {
                int[] ids = r.ids();
                out.writeByte(NEWER_REFERENCE_EXT);
                out.writeShort(ids.length);
                writeAtom(r.node(), out);
                out.writeInt(r.creation());
                for (int id : ids) {
                    out.writeInt(id);
                }
            } else if (next instanceof ErlBigInt b) {
                writeBig(b.value(), out);
            } else if (next instanceof BitString b) {
                out.writeByte(BIT_BINARY_EXT);
                out.writeInt(b.bytes().length);
                out.writeByte(b.tailBits());
                out.writeBytes(b.bytes());
            } else if (next instanceof Port p) {
                // As OTP 26 and later write every port (OTP 25 used NEW_PORT_EXT for ids of up to 28 bits);
                // every release since OTP 24 reads V4_PORT_EXT.
                out.writeByte(V4_PORT_EXT);
                writeAtom(p.node(), out);
                out.writeLong(p.id());
                out.writeInt(p.creation());
            } else if (next instanceof Fun f) {
                out.writeBytes(f.encoded());
            } else if (next instanceof ExportFun e) {
                if (e.arity() < 0 || e.arity() > 255) {
                    throw new ProtocolException("cannot encode fun " + e.module().name() + ":" + e.function().name()
                            + "/" + e.arity() + ": an arity is 0..255");
                }
                out.writeByte(EXPORT_EXT);
                writeAtom(e.module(), out);
                writeAtom(e.function(), out);
                out.writeByte(SMALL_INTEGER_EXT);
                out.writeByte(e.arity());
            } else {
                throw new ProtocolException("cannot encode " + (next == null ? "null" : next.getClass().getName())
                        + ": not a term");
            }

            if (children != null && children.length > 0) {
                if (arrays == null) {
                    arrays = new Term[8][];
                    positions = new int[8];
                    tails = new Term[8];
                } else if (sp == arrays.length) {
                    arrays = Arrays.copyOf(arrays, sp * 2);
                    positions = Arrays.copyOf(positions, sp * 2);
                    tails = Arrays.copyOf(tails, sp * 2);
                }
                arrays[sp] = children;
                positions[sp] = 0;
                tails[sp] = tail;
                sp++;
            } else if (tail != null) {
                next = tail;
                continue;
            }

            boolean more = false;
            while (sp > 0) {
                int top = sp - 1;
                Term[] arr = arrays[top];
                if (positions[top] < arr.length) {
                    next = arr[positions[top]++];
                    more = true;
                    break;
                }
                Term listTail = tails[top];
                arrays[top] = null;
                tails[top] = null;
                sp--;
                if (listTail != null) {
                    next = listTail;
                    more = true;
                    break;
                }
            }
            if (!more) {
                return;
            }
        }
    }

    /** The encoding of {@code t} with the version byte, as {@code term_to_binary(T, [{minor_version, 2}])}. */
    public static byte[] toBinary(Term t) {
        ByteBuf buf = Unpooled.buffer(estimate(t));
        encode(t, buf);
        return Arrays.copyOfRange(buf.array(), buf.arrayOffset(), buf.arrayOffset() + buf.writerIndex());
    }

    /**
     * Like {@code term_to_binary(T, [compressed])} with zlib level {@code level} (0..9): {@code 131, 80}, the
     * uncompressed size and the zlib stream, or the plain encoding when compressing does not make it smaller.
     */
    public static byte[] toCompressedBinary(Term t, int level) {
        if (level < 0 || level > 9) {
            throw new ProtocolException("compression level " + level + " is not in 0..9");
        }
        ByteBuf buf = Unpooled.buffer(estimate(t));
        encode(t, buf);
        byte[] plain = buf.array();
        int off = buf.arrayOffset() + 1;
        int size = buf.writerIndex() - 1;
        // The compressed form costs 6 bytes of header (131, 80, size) against 1 (131): worth it only when the
        // zlib stream is at most size - 6 bytes.
        if (level > 0 && size > 6) {
            byte[] out = new byte[size];
            Deflater deflater = new Deflater(level);
            try {
                deflater.setInput(plain, off, size);
                deflater.finish();
                int n = 6;
                while (n < out.length && !deflater.finished()) {
                    n += deflater.deflate(out, n, out.length - n);
                }
                if (deflater.finished()) {
                    out[0] = (byte) VERSION;
                    out[1] = (byte) COMPRESSED;
                    out[2] = (byte) (size >>> 24);
                    out[3] = (byte) (size >>> 16);
                    out[4] = (byte) (size >>> 8);
                    out[5] = (byte) size;
                    return n == out.length ? out : Arrays.copyOf(out, n);
                }
            } finally {
                deflater.end();
            }
        }
        return Arrays.copyOfRange(plain, off - 1, off + size);
    }

    /** A cheap first guess at the encoded size, so that small terms do not grow their buffer. */
    private static int estimate(Term t) {
        if (t instanceof Binary b) {
            return b.bytes().length + 8;
        } else if (t instanceof Tuple tu) {
            return 16 + 24 * tu.elements().length;
        } else if (t instanceof ErlList l) {
            return 16 + 12 * l.elements().length;
        } else if (t instanceof ErlMap m) {
            return 16 + 32 * m.size();
        } else if (t instanceof Fun f) {
            return f.encoded().length + 1;
        }
        return 64;
    }

    private static Term[] mapChildren(ErlMap m) {
        int n = m.size();
        if (n == 0) {
            return null;
        }
        Term[] kv = new Term[2 * n];
        int i = 0;
        if (n <= FLATMAP_MAX) {
            for (Map.Entry<Term, Term> e : TermOrder.sortedEntries(m)) {
                kv[i++] = e.getKey();
                kv[i++] = e.getValue();
            }
        } else {
            for (Map.Entry<Term, Term> e : m.entries().entrySet()) {
                kv[i++] = e.getKey();
                kv[i++] = e.getValue();
            }
        }
        return kv;
    }

    /** Writes a proper list of at most 65535 integers 0..255 as STRING_EXT; false when it is not one. */
    private static boolean writeString(ErlList l, ByteBuf out) {
        Term[] es = l.elements();
        if (l.tail() != Nil.NIL || es.length > STRING_MAX) {
            return false;
        }
        for (Term e : es) {
            if (!(e instanceof ErlInt i) || i.value() < 0 || i.value() > 255) {
                return false;
            }
        }
        out.writeByte(STRING_EXT);
        out.writeShort(es.length);
        for (Term e : es) {
            out.writeByte((int) ((ErlInt) e).value());
        }
        return true;
    }

    private static void writeAtom(Atom a, ByteBuf out) {
        String name = a.name();
        int len = ByteBufUtil.utf8Bytes(name);
        if (len <= 255) {
            out.writeByte(SMALL_ATOM_UTF8_EXT);
            out.writeByte(len);
        } else {
            out.writeByte(ATOM_UTF8_EXT);
            out.writeShort(len);
        }
        out.writeCharSequence(name, StandardCharsets.UTF_8);
    }

    private static void writeLong(long v, ByteBuf out) {
        if (v >= 0 && v <= 255) {
            out.writeByte(SMALL_INTEGER_EXT);
            out.writeByte((int) v);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.writeByte(INTEGER_EXT);
            out.writeInt((int) v);
        } else {
            // |v| as an unsigned long: for Long.MIN_VALUE, -v is 2^63 read unsigned.
            long mag = v < 0 ? -v : v;
            int n = (64 - Long.numberOfLeadingZeros(mag) + 7) >>> 3;
            out.writeByte(SMALL_BIG_EXT);
            out.writeByte(n);
            out.writeByte(v < 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                out.writeByte((int) (mag >>> (8 * i)));
            }
        }
    }

    private static void writeBig(BigInteger v, ByteBuf out) {
        BigInteger mag = v.abs();
        int n = (mag.bitLength() + 7) >>> 3;
        if (n <= 255) {
            out.writeByte(SMALL_BIG_EXT);
            out.writeByte(n);
        } else {
            out.writeByte(LARGE_BIG_EXT);
            out.writeInt(n);
        }
        out.writeByte(v.signum() < 0 ? 1 : 0);
        byte[] be = mag.toByteArray(); // big-endian, perhaps with a leading zero byte
        int last = be.length - 1;
        out.ensureWritable(n);
        for (int i = 0; i < n; i++) {
            out.writeByte(be[last - i]);
        }
    }
}
