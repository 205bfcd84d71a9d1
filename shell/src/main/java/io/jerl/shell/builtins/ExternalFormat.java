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
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * {@code term_to_binary/1,2} as OTP 25 writes it. The protocol's encoder writes minor version 2 (what the
 * distribution uses); OTP 25's term_to_binary defaults to minor version 1, which writes Latin-1 atoms as
 * ATOM_EXT, and minor version 0 also writes floats as text, so this encoder takes the version as a parameter.
 */
final class ExternalFormat {
    private static final int FLATMAP_MAX = 32;
    private static final long MAX_NEW_PORT_ID = (1L << 28) - 1;

    private final int minor;
    private final Out out = new Out();

    private ExternalFormat(int minor) {
        this.minor = minor;
    }

    /** The external format of {@code t}, version byte included, optionally zlib-compressed at {@code level}. */
    static byte[] encode(Term t, int minor, int level) {
        ExternalFormat f = new ExternalFormat(minor);
        f.out.write(131);
        f.term(t);
        byte[] plain = f.out.toByteArray();
        if (level <= 0) {
            return plain;
        }
        return compress(plain, level);
    }

    /** 131, 80, the uncompressed size and the zlib stream; the plain form when that is not smaller (as erl does). */
    private static byte[] compress(byte[] plain, int level) {
        int size = plain.length - 1;
        Deflater d = new Deflater(level);
        try {
            d.setInput(plain, 1, size);
            d.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                z.write(buf, 0, n);
            }
            byte[] zs = z.toByteArray();
            if (zs.length + 6 > plain.length) {
                return plain;
            }
            byte[] res = new byte[6 + zs.length];
            res[0] = (byte) 131;
            res[1] = 80;
            res[2] = (byte) (size >>> 24);
            res[3] = (byte) (size >>> 16);
            res[4] = (byte) (size >>> 8);
            res[5] = (byte) size;
            System.arraycopy(zs, 0, res, 6, zs.length);
            return res;
        } finally {
            d.end();
        }
    }

    private void term(Term t) {
        if (t instanceof Atom a) {
            atom(a);
        } else if (t instanceof ErlInt i) {
            integer(i.value());
        } else if (t instanceof ErlBigInt b) {
            big(b.value());
        } else if (t instanceof ErlFloat f) {
            floating(f.value());
        } else if (t instanceof Tuple tu) {
            Term[] es = tu.elements();
            if (es.length <= 255) {
                out.write(104);
                out.write(es.length);
            } else {
                out.write(105);
                out.int32(es.length);
            }
            for (Term e : es) {
                term(e);
            }
        } else if (t == Nil.NIL) {
            out.write(106);
        } else if (t instanceof ErlList l) {
            list(l);
        } else if (t instanceof Binary b) {
            out.write(109);
            out.int32(b.bytes().length);
            out.write(b.bytes());
        } else if (t instanceof BitString b) {
            out.write(77);
            out.int32(b.bytes().length);
            out.write(b.tailBits());
            out.write(b.bytes());
        } else if (t instanceof ErlMap m) {
            map(m);
        } else if (t instanceof Pid p) {
            out.write(88);
            atom(p.node());
            out.int32(p.id());
            out.int32(p.serial());
            out.int32(p.creation());
        } else if (t instanceof Port p) {
            boolean small = p.id() >= 0 && p.id() <= MAX_NEW_PORT_ID;
            out.write(small ? 89 : 120);
            atom(p.node());
            if (small) {
                out.int32((int) p.id());
            } else {
                out.int32((int) (p.id() >>> 32));
                out.int32((int) p.id());
            }
            out.int32(p.creation());
        } else if (t instanceof Ref r) {
            out.write(90);
            out.write(r.ids().length >>> 8);
            out.write(r.ids().length);
            atom(r.node());
            out.int32(r.creation());
            for (int id : r.ids()) {
                out.int32(id);
            }
        } else if (t instanceof ExportFun e) {
            out.write(113);
            atom(e.module());
            atom(e.function());
            integer(e.arity());
        } else if (t instanceof Fun f) {
            out.write(f.encoded());
        } else {
            throw Errors.badarg();
        }
    }

    private void atom(Atom a) {
        String name = a.name();
        boolean latin1 = name.chars().allMatch(c -> c <= 0xFF);
        if (latin1 && minor < 2) {
            out.write(100);
            out.write(name.length() >>> 8);
            out.write(name.length());
            for (int i = 0; i < name.length(); i++) {
                out.write(name.charAt(i));
            }
            return;
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= 255) {
            out.write(119);
            out.write(utf8.length);
        } else {
            out.write(118);
            out.write(utf8.length >>> 8);
            out.write(utf8.length);
        }
        out.write(utf8);
    }

    private void integer(long v) {
        if (v >= 0 && v <= 255) {
            out.write(97);
            out.write((int) v);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write(98);
            out.int32((int) v);
        } else {
            big(BigInteger.valueOf(v));
        }
    }

    private void big(BigInteger v) {
        byte[] be = v.abs().toByteArray();
        int start = be[0] == 0 ? 1 : 0;
        int n = be.length - start;
        if (n <= 255) {
            out.write(110);
            out.write(n);
        } else {
            out.write(111);
            out.int32(n);
        }
        out.write(v.signum() < 0 ? 1 : 0);
        for (int i = be.length - 1; i >= start; i--) {
            out.write(be[i]);
        }
    }

    private void floating(double d) {
        if (minor == 0) {
            // FLOAT_EXT: printf("%.20e") in a 31-byte field padded with NULs.
            byte[] text = Numbers.scientific(d, 20).getBytes(StandardCharsets.US_ASCII);
            out.write(99);
            byte[] field = new byte[31];
            System.arraycopy(text, 0, field, 0, Math.min(text.length, 31));
            out.write(field);
            return;
        }
        out.write(70);
        long bits = Double.doubleToRawLongBits(d);
        out.int32((int) (bits >>> 32));
        out.int32((int) bits);
    }

    private void list(ErlList l) {
        Term[] es = l.elements();
        if (l.isProper() && es.length <= 65535 && allBytes(es)) {
            out.write(107);
            out.write(es.length >>> 8);
            out.write(es.length);
            for (Term e : es) {
                out.write((int) ((ErlInt) e).value());
            }
            return;
        }
        out.write(108);
        out.int32(es.length);
        for (Term e : es) {
            term(e);
        }
        term(l.tail());
    }

    private static boolean allBytes(Term[] es) {
        for (Term e : es) {
            if (!(e instanceof ErlInt i) || i.value() < 0 || i.value() > 255) {
                return false;
            }
        }
        return true;
    }

    private void map(ErlMap m) {
        out.write(116);
        out.int32(m.size());
        List<Map.Entry<Term, Term>> es = new ArrayList<>(m.entries().entrySet());
        if (m.size() <= FLATMAP_MAX) {
            // erl keeps small maps sorted by key and writes them so; larger ones in its hash order, which this
            // cannot reproduce (erl reads any order back).
            es.sort((x, y) -> TermOrder.MAP_KEY.compare(x.getKey(), y.getKey()));
        }
        for (Map.Entry<Term, Term> e : es) {
            term(e.getKey());
            term(e.getValue());
        }
    }

    /** A growable byte buffer with big-endian 32-bit writes. */
    private static final class Out extends ByteArrayOutputStream {
        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }
    }
}
