package io.jerl.shell.builtins;

import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** iolists, bitstrings and their bits: the shapes erl's binary BIFs accept and make. */
final class Binaries {
    private Binaries() {
    }

    /** The bytes of a binary term; badarg for anything else (bitstrings included). */
    static byte[] bytes(Term t) {
        if (t instanceof Binary b) {
            return b.bytes();
        }
        throw Errors.badarg();
    }

    static long bitSize(Term t) {
        if (t instanceof Binary b) {
            return b.bytes().length * 8L;
        }
        if (t instanceof BitString b) {
            return b.bitSize();
        }
        throw Errors.badarg();
    }

    /** A bitstring of {@code bits} bits from {@code bytes} (low unused bits of the last byte ignored). */
    static Term bits(byte[] bytes, long bits) {
        int rest = (int) (bits & 7);
        int whole = (int) (bits >>> 3);
        if (rest == 0) {
            return new Binary(bytes.length == whole ? bytes : Arrays.copyOf(bytes, whole));
        }
        return new BitString(Arrays.copyOf(bytes, whole + 1), rest);
    }

    /** iolist_to_binary: a binary or an iolist (bytes, binaries, nested lists, a binary tail); badarg otherwise. */
    static byte[] iodata(Term t) {
        if (t instanceof Binary b) {
            return b.bytes();
        }
        if (!Terms.isList(t)) {
            throw Errors.badarg();
        }
        BitWriter w = new BitWriter();
        collect(t, w, false);
        return w.bytes();
    }

    /** list_to_binary: like {@link #iodata} but the argument itself must be a list. */
    static byte[] iolist(Term t) {
        if (!Terms.isList(t)) {
            throw Errors.badarg();
        }
        return iodata(t);
    }

    /** list_to_bitstring: a bitstring list (bitstrings allowed anywhere), concatenated. */
    static Term bitstringList(Term t) {
        if (!Terms.isList(t)) {
            throw Errors.badarg();
        }
        BitWriter w = new BitWriter();
        collect(t, w, true);
        return w.term();
    }

    static long iolistSize(Term t) {
        if (t instanceof Binary b) {
            return b.bytes().length;
        }
        return iodata(t).length;
    }

    /**
     * Appends the bytes (and, when {@code bitsOk}, bitstrings) of a deep list to {@code w}. Explicit stack so deeply
     * nested lists do not overflow the Java stack.
     */
    private static void collect(Term root, BitWriter w, boolean bitsOk) {
        Deque<Term> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Term t = pending.pop();
            if (t == Nil.NIL) {
                continue;
            }
            if (t instanceof Binary b) {
                w.append(b.bytes(), b.bytes().length * 8L);
            } else if (t instanceof BitString b && bitsOk) {
                w.append(b.bytes(), b.bitSize());
            } else if (t instanceof ErlList l) {
                Term tail = l.tail();
                if (!(tail == Nil.NIL || tail instanceof Binary || (bitsOk && tail instanceof BitString))) {
                    throw Errors.badarg();
                }
                pending.push(tail);
                Term[] es = l.elements();
                for (int i = es.length - 1; i >= 0; i--) {
                    Term e = es[i];
                    if (e instanceof ErlInt x) {
                        if (x.value() < 0 || x.value() > 255) {
                            throw Errors.badarg();
                        }
                    } else if (!(e instanceof Binary || e instanceof ErlList || e == Nil.NIL
                            || (bitsOk && e instanceof BitString))) {
                        throw Errors.badarg();
                    }
                    pending.push(e);
                }
            } else if (t instanceof ErlInt x) {
                w.appendByte((int) x.value());
            } else {
                throw Errors.badarg();
            }
        }
    }

    /** Collects bits; byte-aligned appends are plain copies. */
    static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int partial;
        private int partialBits;

        void appendByte(int b) {
            if (partialBits == 0) {
                out.write(b);
            } else {
                appendBits(b, 8);
            }
        }

        void append(byte[] bytes, long bits) {
            int whole = (int) (bits >>> 3);
            if (partialBits == 0) {
                out.write(bytes, 0, whole);
            } else {
                for (int i = 0; i < whole; i++) {
                    appendBits(bytes[i] & 0xFF, 8);
                }
            }
            int rest = (int) (bits & 7);
            if (rest > 0) {
                appendBits((bytes[whole] & 0xFF) >>> (8 - rest), rest);
            }
        }

        /** Appends the low {@code n} bits of {@code v}, most significant first. */
        private void appendBits(int v, int n) {
            for (int i = n - 1; i >= 0; i--) {
                partial = (partial << 1) | ((v >>> i) & 1);
                partialBits++;
                if (partialBits == 8) {
                    out.write(partial);
                    partial = 0;
                    partialBits = 0;
                }
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        Term term() {
            byte[] whole = out.toByteArray();
            if (partialBits == 0) {
                return new Binary(whole);
            }
            byte[] all = Arrays.copyOf(whole, whole.length + 1);
            all[whole.length] = (byte) (partial << (8 - partialBits));
            return new BitString(all, partialBits);
        }
    }
}
