package io.jerl.protocol.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every case must end in a {@link ProtocolException} raised by an explicit check (not
 * the decoder's safety net for its own bugs), leave the buffer's reader index where it was, and leave the
 * decoder fit to decode the next, valid term.
 */
class TermDecoderMalformedTest {
    private static final TermDecoder DECODER = new TermDecoder(512, 1 << 20);
    private static final Term VALID = new Tuple(Atom.of("ok"), ErlList.of(ErlInt.of(1), Binary.of("x")));

    private static byte[] bytes(int... b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = (byte) b[i];
        }
        return r;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Asserts that decoding {@code input} fails properly; returns the message. */
    private static String rejects(TermDecoder d, byte[] input) {
        ByteBuf in = Unpooled.wrappedBuffer(input);
        ProtocolException e = assertThrows(ProtocolException.class, () -> d.decode(in));
        assertFalse(e.getMessage().contains("internal decoder error"), () -> "hit the safety net: " + e.getMessage());
        assertEquals(0, in.readerIndex(), "reader index restored");
        // The same decoder still decodes a valid term afterwards.
        assertEquals(VALID, d.decode(Unpooled.wrappedBuffer(TermEncoder.toBinary(VALID))));
        return e.getMessage();
    }

    private static String rejects(byte[] input) {
        rejects(TermDecoder.DEFAULT, input);
        return rejects(DECODER, input);
    }

    private static void assertMentions(String message, String... words) {
        for (String w : words) {
            assertTrue(message.contains(w), () -> "\"" + message + "\" should mention " + w);
        }
    }

    @Test
    void truncatedAtEveryCutPoint() {
        Term withFun = TermDecoder.fromBinary(bytes(131, 112, 0, 0, 0, 72, 1, 195, 127, 75, 80, 185, 108, 184, 70, 45,
                213, 156, 44, 54, 28, 160, 92, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 4, 101, 120, 112, 53, 97, 0, 98, 6, 27,
                250, 90, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9, 0,
                0, 0, 0, 0, 0, 0, 0));
        List<byte[]> samples = List.of(
                TermEncoder.toBinary(new Tuple(ErlInt.of(1), ErlInt.of(300), new ErlFloat(1.5), ErlList.ofString("ab"),
                        new BitString(bytes(0x20), 3), ErlMap.of(Atom.of("a"), ErlInt.of(1)))),
                TermEncoder.toBinary(ErlMap.of(Atom.of("日本"), ErlInt.of(BigInteger.TEN.pow(30)), ErlInt.of(-5),
                        new ErlList(new Term[] {Nil.NIL}, Atom.of("t")), Tuple.EMPTY, withFun)),
                TermEncoder.toBinary(ErlList.of(new Pid(Atom.of("n@h"), 1, 2, 3), new Port(Atom.of("n@h"), 1L << 40, 1),
                        new Ref(Atom.of("n@h"), 1, new int[] {1, 2, 3}), new ExportFun(Atom.of("m"), Atom.of("f"), 1),
                        ErlInt.of(BigInteger.ONE.shiftLeft(3000)))),
                TermEncoder.toCompressedBinary(ErlList.ofString("compress me ".repeat(20)), 6));
        assertEquals(80, samples.get(3)[1], "the last sample is compressed");
        for (byte[] full : samples) {
            assertEquals(Unpooled.wrappedBuffer(full).readableBytes(), full.length);
            for (int cut = 0; cut < full.length; cut++) {
                rejects(java.util.Arrays.copyOf(full, cut));
            }
        }
    }

    @Test
    void unknownAndMisplacedTags() {
        Set<Integer> known = Set.of(70, 77, 80, 88, 89, 90, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
                110, 111, 112, 113, 114, 115, 116, 118, 119, 120);
        for (int tag = 0; tag < 256; tag++) {
            if (!known.contains(tag)) {
                rejects(bytes(131, tag, 0, 0, 0, 0, 0, 0, 0, 0));
            }
        }
        assertMentions(rejects(bytes(131, 42, 0)), "unknown tag 42", "offset 1");
        assertMentions(rejects(bytes(130, 97, 1)), "version");
        rejects(new byte[0]);
        assertMentions(rejects(bytes(131, 104, 1, 80, 0, 0, 0, 1, 0)), "compressed");
        assertMentions(rejects(bytes(131, 82, 0)), "ATOM_CACHE_REF");
        assertMentions(rejects(bytes(131, 117, 0, 0, 0, 0)), "FUN_EXT");
    }

    @Test
    void localExtIsRefusedWithAnExplanation() {
        assertMentions(rejects(bytes(131, 121, 1, 2, 3, 4, 5, 6, 7, 8, 9)), "LOCAL_EXT", "[local]");
    }

    @Test
    void countsLargerThanTheInputFailFastWithoutAllocating() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // LIST_EXT claiming 2^31 elements in 20 bytes
            byte[] list = concat(bytes(131, 108, 0x80, 0, 0, 0), new byte[14]);
            assertEquals(20, list.length);
            assertMentions(rejects(list), "LIST_EXT", "claims 2147483648", "offset 1");
            assertMentions(rejects(concat(bytes(131, 108, 0xFF, 0xFF, 0xFF, 0xFF), new byte[14])), "LIST_EXT");
            rejects(concat(bytes(131, 105, 0xFF, 0xFF, 0xFF, 0xFF), new byte[100]));
            rejects(concat(bytes(131, 104, 200), new byte[100]));
            rejects(concat(bytes(131, 116, 0, 0, 0, 10), bytes(97, 1, 97, 2, 97, 3, 97, 4, 97, 5, 97, 6, 97, 7, 97)));
            rejects(concat(bytes(131, 116, 0x80, 0, 0, 0), new byte[100]));
            rejects(concat(bytes(131, 109, 0xFF, 0xFF, 0xFF, 0xFF), new byte[100]));
            rejects(concat(bytes(131, 77, 0xFF, 0xFF, 0xFF, 0xFF, 3), new byte[100]));
            rejects(concat(bytes(131, 107, 0xFF, 0xFF), new byte[3]));
            rejects(concat(bytes(131, 110, 255, 0), new byte[10]));
            rejects(concat(bytes(131, 111, 0xFF, 0xFF, 0xFF, 0xFF, 0), new byte[10]));
            rejects(concat(bytes(131, 118, 0xFF, 0xFF), new byte[10]));
            rejects(bytes(131, 90, 0, 5, 119, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 1));
            // Each container's count fits alone, but not together with what the enclosing ones still owe:
            // a 2-tuple whose first element is a list claiming all the remaining bytes.
            byte[] nested = concat(bytes(131, 104, 2, 108, 0, 0, 0, 30), new byte[30]);
            assertMentions(rejects(nested), "LIST_EXT", "owed to enclosing");
        });
    }

    @Test
    void hugeNestingFailsOnDepthNotOnTheStack() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int[] wrapper : new int[][] {{108, 0, 0, 0, 1}, {104, 1}, {116, 0, 0, 0, 1, 106}, {105, 0, 0, 0, 1}}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(131);
                for (int i = 0; i < 100_000; i++) {
                    out.writeBytes(bytes(wrapper));
                }
                out.write(106);
                for (int i = 0; i < 100_000 && wrapper[0] == 108; i++) {
                    out.write(106);
                }
                for (int i = 0; i < 100_000 && wrapper[0] == 116; i++) {
                    out.write(106); // never reached
                }
                assertMentions(rejects(out.toByteArray()), "nested more than");
            }
        });
    }

    @Test
    void compressedLimits() {
        byte[] plain = TermEncoder.toBinary(ErlList.ofString("x".repeat(1000)));
        byte[] body = java.util.Arrays.copyOfRange(plain, 1, plain.length);
        byte[] zlib = deflate(body);
        // declared 2 GiB
        assertMentions(rejects(concat(bytes(131, 80, 0x80, 0, 0, 0), zlib)), "2147483648", "limit");
        // more than declared
        assertMentions(rejects(concat(bytes(131, 80), size(body.length - 10), zlib)), "more than");
        // fewer than declared
        assertMentions(rejects(concat(bytes(131, 80), size(body.length + 10), zlib)), "less than");
        // within a decoder's limit or not
        TermDecoder small = new TermDecoder(16, 1000);
        assertMentions(rejects(small, concat(bytes(131, 80), size(body.length), zlib)), "limit of 1000");
        assertEquals(ErlList.ofString("x".repeat(1000)), TermDecoder.fromBinary(concat(bytes(131, 80), size(body.length), zlib)));
        // not zlib at all, cut short, trailing garbage inside the inflated data
        rejects(concat(bytes(131, 80), size(body.length), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        rejects(concat(bytes(131, 80), size(body.length), java.util.Arrays.copyOf(zlib, zlib.length / 2)));
        byte[] twoTerms = concat(body, bytes(106));
        assertMentions(rejects(concat(bytes(131, 80), size(twoTerms.length), deflate(twoTerms))), "left over");
        // a zip bomb: a tiny stream that inflates to far more than it claims
        byte[] bomb = deflate(new byte[50_000_000]);
        assertTrue(bomb.length < 100_000);
        assertMentions(rejects(concat(bytes(131, 80), size(1000), bomb)), "more than");
    }

    private static byte[] size(int n) {
        return bytes(n >>> 24, (n >>> 16) & 0xFF, (n >>> 8) & 0xFF, n & 0xFF);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    @Test
    void badAtoms() {
        assertMentions(rejects(bytes(131, 119, 2, 0xC3, 0x28)), "UTF-8");
        assertMentions(rejects(bytes(131, 119, 2, 0xC0, 0x80)), "UTF-8"); // overlong NUL
        assertMentions(rejects(bytes(131, 119, 3, 0xED, 0xA0, 0x80)), "UTF-8"); // a surrogate
        assertMentions(rejects(bytes(131, 119, 1, 0xE9)), "UTF-8"); // Latin-1 byte in a UTF-8 atom
        byte[] e256 = "é".repeat(256).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertMentions(rejects(concat(bytes(131, 118, e256.length >> 8, e256.length & 0xFF), e256)), "256 characters");
        assertMentions(rejects(concat(bytes(131, 100, 1, 0), "a".repeat(256).getBytes())), "256 characters");
        assertMentions(rejects(concat(bytes(131, 118, 1, 0), "a".repeat(256).getBytes())), "256 characters");
        // an atom where a pid's node must be
        rejects(bytes(131, 88, 97, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1));
    }

    @Test
    void badValues() {
        assertMentions(rejects(concat(bytes(131, 116, 0, 0, 0, 2), bytes(97, 1, 97, 1, 97, 1, 97, 2))), "twice");
        assertMentions(rejects(bytes(131, 70, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0)), "finite"); // NaN
        assertMentions(rejects(bytes(131, 70, 0xFF, 0xF0, 0, 0, 0, 0, 0, 0)), "finite"); // -Infinity
        for (String text : new String[] {"NaN", "Infinity", "0x1p3", "1e999", "1.5d", "", " ", "1e", "--1"}) {
            byte[] f = new byte[33];
            f[0] = (byte) 131;
            f[1] = 99;
            byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, f, 2, t.length);
            assertMentions(rejects(f), "FLOAT_EXT");
        }
        assertMentions(rejects(bytes(131, 110, 1, 2, 5)), "sign");
        assertMentions(rejects(bytes(131, 77, 0, 0, 0, 1, 0, 5)), "bits");
        assertMentions(rejects(bytes(131, 77, 0, 0, 0, 1, 9, 5)), "bits");
        assertMentions(rejects(bytes(131, 77, 0, 0, 0, 0, 8)), "bits");
        assertMentions(rejects(bytes(131, 90, 0, 0, 119, 1, 'n', 0, 0, 0, 1)), "0 id words");
        assertMentions(rejects(concat(bytes(131, 90, 0, 6, 119, 1, 'n', 0, 0, 0, 1), new byte[24])), "6 id words");
        assertMentions(rejects(bytes(131, 113, 119, 1, 'm', 119, 1, 'f', 98, 0, 0, 0, 1)), "arity");
        assertMentions(rejects(bytes(131, 97)), "SMALL_INTEGER_EXT");
    }

    @Test
    void badFuns() {
        byte[] good = bytes(131, 112, 0, 0, 0, 72, 1, 195, 127, 75, 80, 185, 108, 184, 70, 45, 213, 156, 44, 54, 28, 160,
                92, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 4, 101, 120, 112, 53, 97, 0, 98, 6, 27, 250, 90, 88, 100, 0, 13, 110,
                111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0);
        assertTrue(TermDecoder.fromBinary(good) instanceof Fun);
        byte[] b = good.clone();
        b[5] = 10; // size too small
        assertMentions(rejects(b), "NEW_FUN_EXT", "size");
        b = good.clone();
        b[5] = 73; // size one more than the contents
        assertMentions(rejects(concat(b, bytes(106))), "NEW_FUN_EXT");
        b = good.clone();
        b[4] = 1; // size far beyond the input
        assertMentions(rejects(b), "NEW_FUN_EXT");
        b = good.clone();
        b[30] = (byte) 0xFF; // NumFree huge
        assertMentions(rejects(b), "free variables");
        b = good.clone();
        b[30] = 1; // one free variable, none there
        rejects(b);
        b = good.clone();
        b[31] = 97; // module is not an atom
        rejects(b);
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        List<byte[]> samples = List.of(
                TermEncoder.toBinary(new Tuple(ErlInt.of(1), ErlInt.of(300), new ErlFloat(1.5), ErlList.ofString("ab"),
                        new BitString(bytes(0x20), 3), ErlMap.of(Atom.of("a"), ErlInt.of(1), ErlInt.of(2), Nil.NIL))),
                TermEncoder.toBinary(ErlList.of(new Pid(Atom.of("n@h"), 1, 2, 3), new Port(Atom.of("n@h"), 1L << 40, 1),
                        new Ref(Atom.of("n@h"), 1, new int[] {1, 2, 3}), new ExportFun(Atom.of("m"), Atom.of("f"), 1),
                        ErlInt.of(BigInteger.ONE.shiftLeft(100)), Atom.of("日本"))),
                TermEncoder.toCompressedBinary(ErlList.ofString("compress me ".repeat(20)), 6));
        Random rnd = new Random(20240601);
        int failures = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] b = samples.get(round % samples.size()).clone();
            int flips = 1 + rnd.nextInt(3);
            for (int i = 0; i < flips; i++) {
                int at = 1 + rnd.nextInt(b.length - 1);
                b[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : (b[at] ^ (1 << rnd.nextInt(8))));
            }
            ByteBuf in = Unpooled.wrappedBuffer(b);
            try {
                DECODER.decode(in);
            } catch (ProtocolException e) {
                failures++;
                assertFalse(e.getMessage().contains("internal decoder error"), e::getMessage);
                assertEquals(0, in.readerIndex());
            }
        }
        assertTrue(failures > 10_000, "most corruptions should be detected, " + failures + " were");
    }
}
