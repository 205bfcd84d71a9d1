package io.jerl.protocol.epmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The EPMD codec on its own: exact bytes, round trips fed whole and byte by byte, limits, malformed input. */
class EpmdCodecTest {

    // ---- requests ----

    @Test
    void alive2RequestHasTheDocumentedLayout() {
        byte[] wire = EpmdTesting.requestBytes(Alive2Request.of("foo", 0x1234, false));
        byte[] expected = {0, 16, 120, 0x12, 0x34, 77, 0, 0, 6, 0, 6, 0, 3, 'f', 'o', 'o', 0, 0};
        assertArrayEquals(expected, wire);
        byte[] hidden = EpmdTesting.requestBytes(Alive2Request.of("foo", 0x1234, true));
        assertEquals(72, hidden[5], "hidden node type");
    }

    @Test
    void portPleaseAndNamesRequestBytes() {
        assertArrayEquals(new byte[] {0, 4, 122, 'b', 'a', 'r'}, EpmdTesting.requestBytes(new PortPlease2Request("bar")));
        assertArrayEquals(new byte[] {0, 1, 110}, EpmdTesting.requestBytes(NamesRequest.INSTANCE));
    }

    @Test
    void requestsRoundTripWholeAndByteByByte() {
        List<EpmdRequest> requests = List.of(
                new Alive2Request(4370, 72, 0, 6, 5, "nöde_ünïcode", new byte[] {1, 2, 3}),
                Alive2Request.of("a", 1, false),
                new PortPlease2Request("someone"),
                new PortPlease2Request("ノード"),
                NamesRequest.INSTANCE);
        for (EpmdRequest r : requests) {
            byte[] wire = EpmdTesting.requestBytes(r);
            assertEquals(r, decodeWhole(EpmdRequestDecoder::new, wire), "whole: " + r);
            assertEquals(r, decodeBytewise(EpmdRequestDecoder::new, wire), "byte by byte: " + r);
        }
    }

    @Test
    void portPleaseToleratesOneTrailingNulLikeRealEpmd() {
        byte[] wire = {0, 5, 122, 'b', 'a', 'r', 0};
        assertEquals(new PortPlease2Request("bar"), decodeWhole(EpmdRequestDecoder::new, wire));
    }

    @Test
    void requestLengthAboveTheLimitFailsOnTheLengthFieldAlone() {
        ProtocolException e = requestFailure(() -> new EpmdRequestDecoder(100, 50, 20), new byte[] {0, 101});
        assertTrue(e.getMessage().contains("request length 101 exceeds the limit of 100"), e.getMessage());
        ProtocolException huge = requestFailure(() -> new EpmdRequestDecoder(), new byte[] {(byte) 0xFF, (byte) 0xFF});
        assertTrue(huge.getMessage().contains("65535"), huge.getMessage());
    }

    @Test
    void nameLengthIsCheckedBeforeTheNameArrives() {
        // Header of an ALIVE2_REQ whose name length (11) exceeds the limit (10); no name bytes sent.
        byte[] header = {0, 30, 120, 0, 1, 77, 0, 0, 6, 0, 6, 0, 11};
        ProtocolException e = requestFailure(() -> new EpmdRequestDecoder(100, 10, 20), header);
        assertTrue(e.getMessage().contains("name length 11 exceeds the limit of 10"), e.getMessage());
    }

    @Test
    void nameLengthLargerThanTheRequestFails() {
        byte[] wire = {0, 15, 120, 0, 1, 77, 0, 0, 6, 0, 6, 0, 40, 'a', 'b', 0, 0};
        ProtocolException e = requestFailure(() -> new EpmdRequestDecoder(), wire);
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void extraLengthIsCheckedAgainstLimitAndRequest() {
        byte[] tooMuchExtra = {0, 16, 120, 0, 1, 77, 0, 0, 6, 0, 6, 0, 1, 'a', 0, 21};
        ProtocolException e = requestFailure(() -> new EpmdRequestDecoder(100, 10, 20), tooMuchExtra);
        assertTrue(e.getMessage().contains("extra length 21 exceeds the limit of 20"), e.getMessage());
        byte[] trailing = {0, 16, 120, 0, 1, 77, 0, 0, 6, 0, 6, 0, 1, 'a', 0, 0, 9, 9};
        ProtocolException t = requestFailure(() -> new EpmdRequestDecoder(), trailing);
        assertTrue(t.getMessage().contains("add up to 14 bytes but the request length is 16"), t.getMessage());
    }

    @Test
    void truncatedAlive2Fails() {
        ProtocolException e = requestFailure(() -> new EpmdRequestDecoder(), new byte[] {0, 5, 120, 0, 1, 77, 0});
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badNamesAreRefused() {
        byte[] nul = {0, 4, 122, 'a', 0, 'b'};
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), nul).getMessage().contains("NUL"));
        byte[] badUtf8 = {0, 3, 122, (byte) 0xC3, (byte) 0x28};
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), badUtf8).getMessage().contains("UTF-8"));
        byte[] name = "é".repeat(256).getBytes(StandardCharsets.UTF_8);
        byte[] longName = new byte[3 + name.length];
        longName[0] = (byte) ((name.length + 1) >> 8);
        longName[1] = (byte) (name.length + 1);
        longName[2] = 122;
        System.arraycopy(name, 0, longName, 3, name.length);
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), longName).getMessage().contains("256 characters"));
        byte[] emptyName = {0, 14, 120, 0, 1, 77, 0, 0, 6, 0, 6, 0, 0, 0, 0, 0};
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), emptyName).getMessage().contains("empty"));
    }

    @Test
    void unknownCodeAndBytesAfterTheRequestFail() {
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), new byte[] {0, 1, 99}).getMessage()
                .contains("unknown EPMD request code 99"));
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), new byte[] {0, 1, 107}).getMessage()
                .contains("KILL_REQ"));
        assertTrue(requestFailure(() -> new EpmdRequestDecoder(), new byte[] {0, 0}).getMessage().contains("empty request"));
        EmbeddedChannel ch = new EmbeddedChannel(new EpmdRequestDecoder());
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1, 110, 7})));
        assertTrue(e.getCause().getMessage().contains("unexpected byte"), e.getCause().getMessage());
        assertEquals(NamesRequest.INSTANCE, ch.readInbound(), "the request itself was decoded first");
    }

    @Test
    void connectionClosedMidRequestIsReported() {
        EmbeddedChannel ch = new EmbeddedChannel(new EpmdRequestDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 10, 122, 'a'}));
        DecoderException e = assertThrows(DecoderException.class, ch::finish);
        assertTrue(e.getCause().getMessage().contains("in the middle of a request"), e.getCause().getMessage());
    }

    // ---- replies ----

    @Test
    void replyBytes() {
        assertArrayEquals(new byte[] {118, 0, 0x12, 0x34, 0x56, 0x78}, replyBytes(new Alive2Reply(0, 0x12345678, true)));
        assertArrayEquals(new byte[] {121, 1, 0, 99}, replyBytes(new Alive2Reply(1, 99, false)));
        assertArrayEquals(new byte[] {119, 1}, replyBytes(Port2Reply.notFound(1)));
        assertArrayEquals(new byte[] {119, 0, 0x10, 0x01, 77, 0, 0, 6, 0, 5, 0, 2, 'a', 'b', 0, 1, 9},
                replyBytes(new Port2Reply(0, 0x1001, 77, 0, 6, 5, "ab", new byte[] {9})));
        assertArrayEquals(("\0\0\u0011\u0051name x at port 80\nname y z at port 65535\n").getBytes(StandardCharsets.ISO_8859_1),
                replyBytes(new NamesReply(0x1151, List.of(new RegisteredNode("x", 80), new RegisteredNode("y z", 65535)))));
    }

    @Test
    void alive2RepliesRoundTrip() {
        for (Alive2Reply r : List.of(new Alive2Reply(0, 0xFFFFFFF0, true), new Alive2Reply(1, 99, true),
                new Alive2Reply(0, 3, false))) {
            byte[] wire = replyBytes(r);
            assertEquals(r, decodeWhole(Alive2ReplyDecoder::new, wire));
            assertEquals(r, decodeBytewise(Alive2ReplyDecoder::new, wire));
        }
    }

    @Test
    void alive2ReplyGarbageIsRefused() {
        assertTrue(replyFailure(() -> new Alive2ReplyDecoder(), new byte[] {'H', 'T', 'T', 'P'}).getMessage()
                .contains("reply code 72"));
        EmbeddedChannel ch = new EmbeddedChannel(new Alive2ReplyDecoder());
        assertThrows(DecoderException.class,
                () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {118, 0, 0, 0, 0, 5, 1})));
        assertEquals(new Alive2Reply(0, 5, true), ch.readInbound());
    }

    @Test
    void port2RepliesRoundTrip() {
        for (Port2Reply r : List.of(Port2Reply.notFound(1), Port2Reply.notFound(7),
                new Port2Reply(0, 40000, 72, 0, 6, 6, "bär", new byte[0]),
                new Port2Reply(0, 1, 77, 0, 6, 5, "x", new byte[] {1, 2, 3, 4}))) {
            byte[] wire = replyBytes(r);
            assertEquals(r, decodeWhole(Port2ReplyDecoder::new, wire));
            assertEquals(r, decodeBytewise(Port2ReplyDecoder::new, wire));
        }
    }

    @Test
    void port2ReplyLimitsAreCheckedBeforeTheBytesArrive() {
        byte[] header = {119, 0, 0, 1, 77, 0, 0, 6, 0, 6, 0, 11};
        assertTrue(replyFailure(() -> new Port2ReplyDecoder(10, 10), header).getMessage().contains("outside 1..10"));
        byte[] extra = {119, 0, 0, 1, 77, 0, 0, 6, 0, 6, 0, 1, 'a', 0, 11};
        assertTrue(replyFailure(() -> new Port2ReplyDecoder(10, 10), extra).getMessage().contains("extra length 11"));
        assertTrue(replyFailure(() -> new Port2ReplyDecoder(), new byte[] {118, 0}).getMessage().contains("reply code 118"));
    }

    @Test
    void namesRepliesRoundTrip() {
        NamesReply r = new NamesReply(4369, List.of(new RegisteredNode("b", 2), new RegisteredNode("ä b", 65535),
                new RegisteredNode("a", 1)));
        byte[] wire = replyBytes(r);
        assertEquals(r, decodeWhole(NamesReplyDecoder::new, wire));
        assertEquals(r, decodeBytewise(NamesReplyDecoder::new, wire));
        NamesReply empty = new NamesReply(1, List.of());
        assertEquals(empty, decodeWhole(NamesReplyDecoder::new, replyBytes(empty)));
    }

    @Test
    void namesReplyGarbageIsRefused() {
        byte[] port = {0, 0, 0x11, 0x11};
        assertTrue(namesFailure(() -> new NamesReplyDecoder(30, 10), concat(port, "name way_too_long_for_the_limit_set"))
                .getMessage().contains("longer than 30"));
        assertTrue(namesFailure(() -> new NamesReplyDecoder(), concat(port, "hello world\n")).getMessage()
                .contains("malformed NAMES line"));
        assertTrue(namesFailure(() -> new NamesReplyDecoder(), concat(port, "name x at port 70000\n")).getMessage()
                .contains("not a TCP port"));
        assertTrue(namesFailure(() -> new NamesReplyDecoder(), concat(port, "name x at port 1\nname y at po"))
                .getMessage().contains("incomplete line"));
        assertTrue(namesFailure(() -> new NamesReplyDecoder(), new byte[] {0, 0}).getMessage()
                .contains("before sending its NAMES reply"));
        assertTrue(namesFailure(() -> new NamesReplyDecoder(100, 1), concat(port, "name x at port 1\nname y at port 2\n"))
                .getMessage().contains("more than 1 names"));
    }

    // ---- helpers ----

    private static byte[] replyBytes(EpmdReply reply) {
        ByteBuf buf = Unpooled.buffer();
        EpmdReplyEncoder.write(reply, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        // The encoder handler writes the same bytes as the static writer.
        EmbeddedChannel ch = new EmbeddedChannel(new EpmdReplyEncoder());
        ch.writeOutbound(reply);
        ByteBuf viaHandler = ch.readOutbound();
        byte[] handlerBytes = new byte[viaHandler.readableBytes()];
        viaHandler.readBytes(handlerBytes);
        viaHandler.release();
        assertArrayEquals(out, handlerBytes);
        return out;
    }

    private static Object decodeWhole(Supplier<ChannelHandler> decoder, byte[] wire) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder.get());
        ch.writeInbound(Unpooled.wrappedBuffer(wire));
        ch.finish();
        Object msg = ch.readInbound();
        assertNull(ch.readInbound(), "one message");
        return msg;
    }

    private static Object decodeBytewise(Supplier<ChannelHandler> decoder, byte[] wire) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder.get());
        Object msg = null;
        for (int i = 0; i < wire.length; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {wire[i]}));
            Object m = ch.readInbound();
            if (m != null) {
                assertNull(msg, "only one message");
                assertEquals(wire.length - 1, i, "the message completes with its last byte");
                msg = m;
            }
        }
        ch.finish();
        Object last = ch.readInbound();
        if (last != null) {
            assertNull(msg, "only one message");
            msg = last;
        }
        return msg;
    }

    /** Feeds the bytes whole and byte by byte and returns the ProtocolException raised (the same both ways). */
    private static ProtocolException requestFailure(Supplier<ChannelHandler> decoder, byte[] wire) {
        return failure(decoder, wire, false);
    }

    private static ProtocolException replyFailure(Supplier<ChannelHandler> decoder, byte[] wire) {
        return failure(decoder, wire, false);
    }

    private static ProtocolException namesFailure(Supplier<ChannelHandler> decoder, byte[] wire) {
        return failure(decoder, wire, true);
    }

    private static ProtocolException failure(Supplier<ChannelHandler> decoder, byte[] wire, boolean thenClose) {
        EmbeddedChannel whole = new EmbeddedChannel(decoder.get());
        DecoderException w = assertThrows(DecoderException.class, () -> {
            whole.writeInbound(Unpooled.wrappedBuffer(wire));
            if (thenClose) {
                whole.finish();
            }
        });
        assertNull(whole.readInbound(), "nothing decoded from malformed input");
        EmbeddedChannel bytewise = new EmbeddedChannel(decoder.get());
        DecoderException b = assertThrows(DecoderException.class, () -> {
            for (byte x : wire) {
                bytewise.writeInbound(Unpooled.wrappedBuffer(new byte[] {x}));
            }
            if (thenClose) {
                bytewise.finish();
            }
        });
        assertNull(bytewise.readInbound(), "nothing decoded from malformed input");
        ProtocolException pw = assertInstanceOf(ProtocolException.class, w.getCause());
        ProtocolException pb = assertInstanceOf(ProtocolException.class, b.getCause());
        assertEquals(pw.getMessage(), pb.getMessage(), "same verdict whole and byte by byte");
        return pw;
    }

    private static byte[] concat(byte[] a, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
