package io.jerl.protocol.term;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoder and decoder without erl: round trips of edge cases, old wire forms, canonical forms, framing. */
class TermCodecTest {
    private static Atom a(String s) {
        return Atom.of(s);
    }

    private static byte[] bytes(int... b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = (byte) b[i];
        }
        return r;
    }

    private static Term roundTrip(Term t) {
        byte[] b = TermEncoder.toBinary(t);
        Term back = TermDecoder.fromBinary(b);
        assertEquals(t, back, () -> "round trip of " + t);
        assertArrayEquals(b, TermEncoder.toBinary(back), () -> "second encoding of " + t);
        return back;
    }

    @Test
    void seenVectorFromOtp25() {
        // term_to_binary({1,300,1.5,"ab",<<1:3>>,#{a=>1}}, [{minor_version,2}]) on OTP 25.2.3 (PROTOCOL-NOTES, with
        // the UTF-8 atom that minor_version 2 gives).
        byte[] seen = bytes(131, 104, 6, 97, 1, 98, 0, 0, 1, 44, 70, 63, 248, 0, 0, 0, 0, 0, 0, 107, 0, 2, 97, 98, 77, 0,
                0, 0, 1, 3, 32, 116, 0, 0, 0, 1, 119, 1, 97, 97, 1);
        Term t = new Tuple(ErlInt.of(1), ErlInt.of(300), new ErlFloat(1.5), ErlList.ofString("ab"),
                new BitString(bytes(0x20), 3), ErlMap.of(a("a"), ErlInt.of(1)));
        assertArrayEquals(seen, TermEncoder.toBinary(t));
        assertEquals(t, TermDecoder.fromBinary(seen));
    }

    @Test
    void edgeCasesRoundTrip() {
        List<Term> terms = new ArrayList<>();
        for (long v : new long[] {0, 1, 255, 256, -1, -256, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
                Integer.MIN_VALUE - 1L, (1L << 27), -(1L << 27), Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                1L << 56, (1L << 56) - 1}) {
            terms.add(ErlInt.of(v));
        }
        for (BigInteger v : new BigInteger[] {BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).negate(), BigInteger.ONE.shiftLeft(1000).negate(),
                BigInteger.ONE.shiftLeft(2040).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(2040),
                BigInteger.ONE.shiftLeft(100_000)}) {
            terms.add(ErlInt.of(v));
        }
        for (double d : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, 0.1, 1e300}) {
            terms.add(new ErlFloat(d));
        }
        terms.add(Atom.EMPTY);
        terms.add(a("日本"));
        terms.add(a("é".repeat(255)));
        terms.add(a(new String(Character.toChars(0x1F600)).repeat(255)));
        terms.add(Nil.NIL);
        terms.add(Tuple.EMPTY);
        terms.add(ErlMap.EMPTY);
        terms.add(Binary.EMPTY);
        terms.add(new BitString(bytes(1, 2, 0x80), 1));
        terms.add(new ErlList(new Term[] {a("a")}, a("b")));
        terms.add(new ErlList(new Term[] {ErlInt.of(1)}, Binary.of("x")));
        terms.add(ErlList.ofString("x".repeat(65535)));
        terms.add(ErlList.ofString("x".repeat(65536)));
        terms.add(ErlList.ofString("€uro"));
        terms.add(tupleOf(300));
        terms.add(new Pid(a("n@h"), -1, -1, -1));
        terms.add(new Port(a("n@h"), 0xFFFF_FFFFL, 7));
        terms.add(new Port(a("n@h"), -1L, 7));
        terms.add(new Port(a("n@h"), 5, 7));
        terms.add(new Ref(a("n@h"), 3, new int[] {1, 2, 3, 4, 5}));
        terms.add(new ExportFun(a("m"), a("f"), 255));
        terms.add(ErlMap.of(ErlInt.of(1), a("int"), new ErlFloat(1.0), a("float"), a("k"), ErlMap.EMPTY));
        for (Term t : terms) {
            roundTrip(t);
        }
    }

    private static Tuple tupleOf(int n) {
        Term[] es = new Term[n];
        for (int i = 0; i < n; i++) {
            es[i] = ErlInt.of(i);
        }
        return new Tuple(es);
    }

    @Test
    void encodingPicksTheSmallestIntegerForm() {
        assertEquals(97, TermEncoder.toBinary(ErlInt.of(255))[1]);
        assertEquals(98, TermEncoder.toBinary(ErlInt.of(256))[1]);
        assertEquals(98, TermEncoder.toBinary(ErlInt.of(Integer.MIN_VALUE))[1]);
        byte[] min = TermEncoder.toBinary(ErlInt.of(Long.MIN_VALUE));
        assertArrayEquals(bytes(131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80), min);
        assertEquals(111, TermEncoder.toBinary(ErlInt.of(BigInteger.ONE.shiftLeft(2040)))[1] & 0xFF);
        assertEquals(110, TermEncoder.toBinary(ErlInt.of(BigInteger.ONE.shiftLeft(2040).subtract(BigInteger.ONE)))[1]);
    }

    @Test
    void decodeConsumesExactlyOneTermAndLeavesTheRest() {
        // As the distribution layer reads a frame: control term, then message.
        ByteBuf buf = Unpooled.buffer();
        Term control = new Tuple(ErlInt.of(2), Atom.EMPTY, new Pid(a("n@h"), 1, 0, 3));
        Term message = ErlList.of(a("hello"), Binary.of("world"));
        TermEncoder.encode(control, buf);
        int split = buf.writerIndex();
        TermEncoder.encode(message, buf);
        buf.writeByte(42);
        assertEquals(control, TermDecoder.DEFAULT.decode(buf));
        assertEquals(split, buf.readerIndex());
        assertEquals(message, TermDecoder.DEFAULT.decode(buf));
        assertEquals(1, buf.readableBytes());
        ProtocolException trailing = assertThrows(ProtocolException.class,
                () -> TermDecoder.fromBinary(bytes(131, 97, 1, 0)));
        assertTrue(trailing.getMessage().contains("left over"), trailing.getMessage());
    }

    @Test
    void compressedTermIsConsumedExactlyToo() {
        Term big = ErlList.ofString("abc".repeat(1000));
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(TermEncoder.toCompressedBinary(big, 9));
        TermEncoder.encode(a("next"), buf);
        assertEquals(big, TermDecoder.DEFAULT.decode(buf));
        assertEquals(a("next"), TermDecoder.DEFAULT.decode(buf));
        assertFalse(buf.isReadable());
    }

    @Test
    void termsWithoutVersionByte() {
        Term t = new Tuple(a("x"), ErlInt.of(1));
        ByteBuf buf = Unpooled.buffer();
        TermEncoder.encodeTerm(t, buf);
        assertEquals(104, buf.getUnsignedByte(0));
        assertEquals(t, TermDecoder.DEFAULT.decodeTerm(buf));
        assertFalse(buf.isReadable());
    }

    @Test
    void olderWireFormsDecodeIntoTheSameRecords() {
        // Latin-1 atoms: ATOM_EXT and SMALL_ATOM_EXT, here 'é' (0xE9).
        assertEquals(a("é"), TermDecoder.fromBinary(bytes(131, 100, 0, 1, 0xE9)));
        assertEquals(a("ab"), TermDecoder.fromBinary(bytes(131, 115, 2, 97, 98)));
        // PID_EXT: node, id, serial, creation:8
        assertEquals(new Pid(a("n@h"), 5, 1, 2),
                TermDecoder.fromBinary(bytes(131, 103, 115, 3, 'n', '@', 'h', 0, 0, 0, 5, 0, 0, 0, 1, 2)));
        // PORT_EXT (creation:8), NEW_PORT_EXT (creation:32), V4_PORT_EXT (id:64)
        assertEquals(new Port(a("n@h"), 5, 2), TermDecoder.fromBinary(bytes(131, 102, 115, 3, 'n', '@', 'h', 0, 0, 0, 5, 2)));
        assertEquals(new Port(a("n@h"), 0xFFFF_FFFFL, 2),
                TermDecoder.fromBinary(bytes(131, 89, 115, 3, 'n', '@', 'h', 255, 255, 255, 255, 0, 0, 0, 2)));
        assertEquals(new Port(a("n@h"), 1L << 40, 2),
                TermDecoder.fromBinary(bytes(131, 120, 119, 3, 'n', '@', 'h', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2)));
        // REFERENCE_EXT (one id, creation:8) and NEW_REFERENCE_EXT (creation:8)
        assertEquals(new Ref(a("n@h"), 2, new int[] {7}),
                TermDecoder.fromBinary(bytes(131, 101, 115, 3, 'n', '@', 'h', 0, 0, 0, 7, 2)));
        assertEquals(new Ref(a("n@h"), 2, new int[] {7, 8}),
                TermDecoder.fromBinary(bytes(131, 114, 0, 2, 115, 3, 'n', '@', 'h', 2, 0, 0, 0, 7, 0, 0, 0, 8)));
        // FLOAT_EXT: 31 bytes of "%.20e" text, NUL padded
        byte[] text = new byte[33];
        text[0] = (byte) 131;
        text[1] = 99;
        byte[] digits = "1.50000000000000000000e+00".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, text, 2, digits.length);
        assertEquals(new ErlFloat(1.5), TermDecoder.fromBinary(text));
    }

    @Test
    void decodingCanonicalises() {
        // 5 sent as a SMALL_BIG and as a LARGE_BIG is the integer 5; -0 as a big is 0.
        assertSame(ErlInt.of(5), TermDecoder.fromBinary(bytes(131, 110, 1, 0, 5)));
        assertEquals(ErlInt.of(5), TermDecoder.fromBinary(bytes(131, 111, 0, 0, 0, 3, 0, 5, 0, 0)));
        assertEquals(ErlInt.of(0), TermDecoder.fromBinary(bytes(131, 110, 1, 1, 0)));
        assertEquals(ErlInt.of(Long.MIN_VALUE), TermDecoder.fromBinary(bytes(131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80)));
        assertEquals(new ErlBigInt(BigInteger.ONE.shiftLeft(63)),
                TermDecoder.fromBinary(bytes(131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0)));
        // A bitstring whose last byte is whole is a binary; unused bits are dropped.
        assertEquals(new Binary(bytes(1, 2)), TermDecoder.fromBinary(bytes(131, 77, 0, 0, 0, 2, 8, 1, 2)));
        assertEquals(Binary.EMPTY, TermDecoder.fromBinary(bytes(131, 77, 0, 0, 0, 0, 0)));
        assertEquals(new BitString(bytes(0xE0), 3), TermDecoder.fromBinary(bytes(131, 77, 0, 0, 0, 1, 3, 0xFF)));
        // Empty string and empty LIST_EXT are [], a LIST_EXT of nothing with a tail is that tail.
        assertSame(Nil.NIL, TermDecoder.fromBinary(bytes(131, 107, 0, 0)));
        assertSame(Nil.NIL, TermDecoder.fromBinary(bytes(131, 108, 0, 0, 0, 0, 106)));
        assertEquals(a("a"), TermDecoder.fromBinary(bytes(131, 108, 0, 0, 0, 0, 119, 1, 97)));
        // [1 | "ab"] written as LIST_EXT with a STRING_EXT tail is the flat list [1, $a, $b].
        assertEquals(ErlList.of(ErlInt.of(1), ErlInt.of('a'), ErlInt.of('b')),
                TermDecoder.fromBinary(bytes(131, 108, 0, 0, 0, 1, 97, 1, 107, 0, 2, 97, 98)));
        // Small maps come out in erl's key order whatever order the peer wrote.
        ErlMap m = (ErlMap) TermDecoder.fromBinary(bytes(131, 116, 0, 0, 0, 2, 97, 2, 97, 1, 97, 1, 97, 2));
        assertArrayEquals(bytes(131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 2, 97, 1), TermEncoder.toBinary(m));
    }

    @Test
    void funBytesAreKeptAndParsedForPrinting() {
        // erl-observed: term_to_binary(fun(X) -> X end) for the fun exp5:mk/0 made, OTP 25.2.3, default minor version.
        byte[] fun = bytes(131, 112, 0, 0, 0, 72, 1, 195, 127, 75, 80, 185, 108, 184, 70, 45, 213, 156, 44, 54, 28, 160,
                92, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 4, 101, 120, 112, 53, 97, 0, 98, 6, 27, 250, 90, 88, 100, 0, 13, 110,
                111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0);
        Fun f = (Fun) TermDecoder.fromBinary(fun);
        assertEquals(a("exp5"), f.module());
        assertEquals(0, f.oldIndex());
        assertEquals(0x061BFA5A, f.oldUniq());
        assertEquals(1, f.arity());
        assertEquals("#Fun<exp5.0.102496858>", TermPrinter.print(f));
        assertArrayEquals(fun, TermEncoder.toBinary(f));
        roundTrip(new Tuple(f, ErlList.of(f)));
    }

    @Test
    void deepTermsEncodeWithoutRecursionAndDecodeUpToTheLimit() {
        Term t = Nil.NIL;
        for (int i = 0; i < 100_000; i++) {
            t = (i % 3 == 0) ? new Tuple(t) : (i % 3 == 1) ? ErlList.of(t) : ErlMap.of(a("k"), t);
        }
        byte[] b = TermEncoder.toBinary(t); // would overflow the stack if the encoder recursed
        ProtocolException e = assertThrows(ProtocolException.class, () -> TermDecoder.fromBinary(b));
        assertTrue(e.getMessage().contains("nested more than 2048"), e.getMessage());
        TermDecoder deep = new TermDecoder(100_000, 1 << 20);
        Term back = deep.decodeAll(b); // decoding is iterative too
        assertArrayEquals(b, TermEncoder.toBinary(back));
        assertThrows(ProtocolException.class, () -> new TermDecoder(99_999, 1 << 20).decodeAll(b));
    }

    @Test
    void depthLimitIsExact() {
        TermDecoder d = new TermDecoder(3, 1024);
        assertEquals(new Tuple(new Tuple(new Tuple())), d.decodeAll(bytes(131, 104, 1, 104, 1, 104, 0)));
        assertEquals(new Tuple(new Tuple(new Tuple(a("x")))), d.decodeAll(bytes(131, 104, 1, 104, 1, 104, 1, 119, 1, 'x')));
        assertThrows(ProtocolException.class, () -> d.decodeAll(bytes(131, 104, 1, 104, 1, 104, 1, 104, 1, 119, 1, 'x')));
    }

    @Test
    void compressedEncodingFallsBackWhenNotSmaller() {
        Term big = ErlList.of(Binary.of("z".repeat(10_000)), ErlList.ofString("y".repeat(5000)));
        byte[] c = TermEncoder.toCompressedBinary(big, 6);
        assertEquals(80, c[1]);
        assertTrue(c.length < 200, "compressed to " + c.length);
        assertEquals(big, TermDecoder.fromBinary(c));
        assertArrayEquals(TermEncoder.toBinary(a("ok")), TermEncoder.toCompressedBinary(a("ok"), 9));
        assertArrayEquals(TermEncoder.toBinary(big), TermEncoder.toCompressedBinary(big, 0));
        byte[] random = new byte[4096];
        new java.util.Random(1).nextBytes(random);
        assertArrayEquals(TermEncoder.toBinary(new Binary(random)), TermEncoder.toCompressedBinary(new Binary(random), 9));
        assertThrows(ProtocolException.class, () -> TermEncoder.toCompressedBinary(big, 10));
    }

    @Test
    void encodeWritesStraightIntoTheCallersBuffer() {
        ByteBuf buf = Unpooled.directBuffer(4);
        Term t = new Tuple(a("é"), Binary.of("x".repeat(100)), ErlInt.of(BigInteger.TEN.pow(40)));
        TermEncoder.encode(t, buf);
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(0, b);
        assertArrayEquals(TermEncoder.toBinary(t), b);
        buf.release();
    }

    @Test
    void badTermsAreRefusedOnEncode() {
        assertThrows(ProtocolException.class, () -> TermEncoder.toBinary(new ExportFun(a("m"), a("f"), 256)));
        assertThrows(ProtocolException.class, () -> TermEncoder.toBinary(new Tuple(a("x"), null)));
    }
}
