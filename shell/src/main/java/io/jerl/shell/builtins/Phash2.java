package io.jerl.shell.builtins;

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
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/**
 * {@code erlang:phash2/1,2}: erl's portable term hash, which is documented to be the same on every machine and
 * release. It is a running 32-bit state that each part of the term is mixed into, depth first, with Bob Jenkins'
 * 96-bit mix; each kind of term mixes in its own constant (multiples of the golden ratio) so that equal bit
 * patterns of different kinds hash apart. Atoms contribute their hashpjw value, binaries a Jenkins block hash,
 * and map entries are hashed separately and combined with xor so that key order does not matter.
 */
final class Phash2 {
    private static final int GOLDEN = 0x9e3779b9;

    private static int golden(int k) {
        return GOLDEN * k;
    }

    /** The hash of {@code []} when it is the whole term. */
    private static final int NIL_ALONE = (int) 3468870702L;
    /** erl's internal type number for [] (its "NIL_DEF"), mixed in for a [] inside a term. */
    private static final int NIL_TYPE = 2;

    /** Markers on the work stack, distinct from every term. */
    private enum Op { MAP_PAIR, MAP_END }

    private int hash;
    private int xorPairs;

    private Phash2() {
    }

    /** The full 32-bit hash (phash2(T, 1 bsl 32)). */
    static long hash(Term t) {
        Phash2 h = new Phash2();
        h.run(t);
        return h.hash & 0xFFFFFFFFL;
    }

    /** Mixes (a, b) into the running hash, which plays the third word. */
    private void mix(int a, int b) {
        hash = mixAll(a, b, hash)[2];
    }

    private void hash2(int x, int y, int k) {
        mix(k + x, k + y);
    }

    private void hash1(int x, int k) {
        mix(k + x, k);
    }

    private void run(Term root) {
        Deque<Object> stack = new ArrayDeque<>();
        Object next = root;
        for (;;) {
            if (next instanceof Term t) {
                one(t, stack);
            } else if (next == Op.MAP_PAIR) {
                xorPairs ^= hash;
                hash = 0;
            } else if (next instanceof int[] saved) {
                // end of a map: back to the hash before it, mixed with the combined pairs
                int pairs = xorPairs;
                hash = saved[0];
                hash1(pairs, golden(19));
                xorPairs = saved[1];
            }
            if (stack.isEmpty()) {
                return;
            }
            next = stack.pop();
        }
    }

    /** Mixes one term in; its parts go on the stack (pushed last-first, so they come off in order). */
    private void one(Term t, Deque<Object> stack) {
        if (t instanceof Atom a) {
            int h = atomHash(a);
            if (hash == 0) {
                hash = h;
            } else {
                hash1(h, golden(3));
            }
        } else if (t == Nil.NIL) {
            if (hash == 0) {
                hash = NIL_ALONE;
            } else {
                hash1(NIL_TYPE, golden(2));
            }
        } else if (t instanceof ErlInt i) {
            integer(i.value());
        } else if (t instanceof ErlBigInt b) {
            bignum(b.value());
        } else if (t instanceof ErlFloat f) {
            double d = f.value() == 0.0 ? 0.0 : f.value();
            long bits = Double.doubleToRawLongBits(d);
            hash2((int) (bits >>> 32), (int) bits, golden(12));
        } else if (t instanceof Tuple tu) {
            Term[] es = tu.elements();
            hash1(es.length, golden(9));
            for (int i = es.length - 1; i >= 0; i--) {
                stack.push(es[i]);
            }
        } else if (t instanceof ErlList l) {
            list(l, stack);
        } else if (t instanceof Binary b) {
            binary(b.bytes(), b.bytes().length, 0);
        } else if (t instanceof BitString b) {
            int whole = b.bytes().length - 1;
            binary(b.bytes(), whole, b.tailBits());
        } else if (t instanceof ErlMap m) {
            hash1(m.size(), golden(16));
            if (m.size() == 0) {
                return;
            }
            stack.push(new int[] {hash, xorPairs});
            hash = 0;
            xorPairs = 0;
            for (Map.Entry<Term, Term> e : m.entries().entrySet()) {
                stack.push(Op.MAP_PAIR);
                stack.push(e.getValue());
                stack.push(e.getKey());
            }
        } else if (t instanceof Pid p) {
            hash1(p.id(), golden(5));
        } else if (t instanceof Port p) {
            hash2((int) p.id(), (int) (p.id() >>> 32), golden(6));
        } else if (t instanceof Ref r) {
            hash1(r.ids()[0], golden(7));
        } else if (t instanceof ExportFun e) {
            hash2(e.arity(), atomHash(e.module()), GOLDEN);
            hash1(atomHash(e.function()), golden(14));
        } else if (t instanceof Fun f) {
            Term[] free = freeVars(f);
            hash2(free.length, atomHash(f.module()), GOLDEN);
            hash2((int) f.oldIndex(), (int) f.oldUniq(), GOLDEN);
            for (int i = free.length - 1; i >= 0; i--) {
                stack.push(free[i]);
            }
        }
    }

    private void integer(long v) {
        if (v >= -(1L << 27) && v < (1L << 27)) {
            int y = (int) v;
            if (y < 0) {
                hash1(-y, GOLDEN); // erl mixes negative small numbers twice
            }
            hash1(y, GOLDEN);
        } else {
            bignum(BigInteger.valueOf(v));
        }
    }

    /** The magnitude in 64-bit digits, least significant first, each as (low word, high word). */
    private void bignum(BigInteger v) {
        int k = v.signum() < 0 ? golden(10) : golden(11);
        BigInteger mag = v.abs();
        int digits = Math.max(1, (mag.bitLength() + 63) / 64);
        for (int i = 0; i < digits; i++) {
            long d = mag.shiftRight(64 * i).longValue();
            hash2((int) d, (int) (d >>> 32), k);
        }
    }

    /**
     * Lists: runs of byte elements are packed four to a word; any other element is hashed as a term, after which a
     * new run starts; the tail ([] or not) is hashed last.
     */
    private void list(ErlList l, Deque<Object> stack) {
        Term[] es = l.elements();
        int i = 0;
        int packed = 0;
        int count = 0;
        while (i < es.length && isByte(es[i])) {
            packed = (packed << 8) + (int) ((ErlInt) es[i]).value();
            if (count == 3) {
                hash1(packed, golden(4));
                packed = 0;
                count = 0;
            } else {
                count++;
            }
            i++;
        }
        if (count > 0) {
            hash1(packed, golden(4));
        }
        if (i == es.length) {
            stack.push(l.tail());
            return;
        }
        // es[i] is not a byte: hash it, then the rest of the list as a list of its own.
        Term rest = i + 1 < es.length ? new ErlList(Arrays.copyOfRange(es, i + 1, es.length), l.tail()) : l.tail();
        stack.push(rest);
        stack.push(es[i]);
    }

    private static boolean isByte(Term t) {
        return t instanceof ErlInt i && i.value() >= 0 && i.value() <= 255;
    }

    private void binary(byte[] b, int len, int tailBits) {
        int con = golden(13) + hash;
        if (len == 0 && tailBits == 0) {
            hash = con;
            return;
        }
        hash = con;
        blockHash(b, len);
        if (tailBits > 0) {
            hash2(tailBits, (b[len] & 0xFF) >>> (8 - tailBits), golden(15));
        }
    }

    /** Jenkins' lookup2 over {@code len} bytes with the current hash as its initial value. */
    private void blockHash(byte[] k, int len) {
        int a = GOLDEN;
        int b = GOLDEN;
        int c = hash;
        int p = 0;
        int left = len;
        while (left >= 12) {
            a += word(k, p);
            b += word(k, p + 4);
            c += word(k, p + 8);
            int[] abc = mixAll(a, b, c);
            a = abc[0];
            b = abc[1];
            c = abc[2];
            p += 12;
            left -= 12;
        }
        c += len;
        switch (left) {
            case 11: c += (k[p + 10] & 0xFF) << 24; // fall through
            case 10: c += (k[p + 9] & 0xFF) << 16; // fall through
            case 9: c += (k[p + 8] & 0xFF) << 8; // fall through
            case 8: b += (k[p + 7] & 0xFF) << 24; // fall through
            case 7: b += (k[p + 6] & 0xFF) << 16; // fall through
            case 6: b += (k[p + 5] & 0xFF) << 8; // fall through
            case 5: b += k[p + 4] & 0xFF; // fall through
            case 4: a += (k[p + 3] & 0xFF) << 24; // fall through
            case 3: a += (k[p + 2] & 0xFF) << 16; // fall through
            case 2: a += (k[p + 1] & 0xFF) << 8; // fall through
            case 1: a += k[p] & 0xFF; // fall through
            default:
                break;
        }
        hash = mixAll(a, b, c)[2];
    }

    private static int word(byte[] k, int p) {
        return (k[p] & 0xFF) | (k[p + 1] & 0xFF) << 8 | (k[p + 2] & 0xFF) << 16 | (k[p + 3] & 0xFF) << 24;
    }

    /** Jenkins' mix of three words, returning all three (the block hash carries a and b between blocks). */
    private static int[] mixAll(int a, int b, int c) {
        a -= b; a -= c; a ^= (c >>> 13);
        b -= c; b -= a; b ^= (a << 8);
        c -= a; c -= b; c ^= (b >>> 13);
        a -= b; a -= c; a ^= (c >>> 12);
        b -= c; b -= a; b ^= (a << 16);
        c -= a; c -= b; c ^= (b >>> 5);
        a -= b; a -= c; a ^= (c >>> 3);
        b -= c; b -= a; b ^= (a << 10);
        c -= a; c -= b; c ^= (b >>> 15);
        return new int[] {a, b, c};
    }

    /**
     * hashpjw over the atom's UTF-8 text, except that a two-byte sequence for a Latin-1 character counts as that
     * one character (so atoms hash as they did when erl stored them in Latin-1).
     */
    static int atomHash(Atom a) {
        byte[] p = a.name().getBytes(StandardCharsets.UTF_8);
        int h = 0;
        for (int i = 0; i < p.length; i++) {
            int v = p[i] & 0xFF;
            if (i + 1 < p.length && (v & 0xFE) == 0xC2 && (p[i + 1] & 0xC0) == 0x80) {
                v = ((v << 6) | (p[i + 1] & 0x3F)) & 0xFF;
                i++;
            }
            h = (h << 4) + v;
            int g = h & 0xF0000000;
            if (g != 0) {
                h ^= g >>> 24;
                h ^= g;
            }
        }
        return h;
    }

    /** A local fun's free variables, read from its encoding: NEW_FUN_EXT after its fixed 29-byte header. */
    private static Term[] freeVars(Fun f) {
        byte[] enc = f.encoded();
        int numFree = ((enc[26] & 0xFF) << 24) | ((enc[27] & 0xFF) << 16) | ((enc[28] & 0xFF) << 8) | (enc[29] & 0xFF);
        // Module, OldIndex, OldUniq, Pid and the free variables follow: decode them as one tuple.
        int n = numFree + 4;
        byte[] asTuple = new byte[3 + enc.length - 30 + (n > 255 ? 3 : 0)];
        int off;
        asTuple[0] = (byte) 131;
        if (n <= 255) {
            asTuple[1] = 104;
            asTuple[2] = (byte) n;
            off = 3;
        } else {
            asTuple[1] = 105;
            asTuple[2] = (byte) (n >>> 24);
            asTuple[3] = (byte) (n >>> 16);
            asTuple[4] = (byte) (n >>> 8);
            asTuple[5] = (byte) n;
            off = 6;
        }
        System.arraycopy(enc, 30, asTuple, off, enc.length - 30);
        Tuple t = (Tuple) TermDecoder.fromBinary(asTuple);
        return Arrays.copyOfRange(t.elements(), 4, t.elements().length);
    }
}
