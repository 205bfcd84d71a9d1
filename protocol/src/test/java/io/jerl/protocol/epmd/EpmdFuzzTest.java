package io.jerl.protocol.epmd;

import static io.jerl.fuzz.FuzzChecks.drain;
import static io.jerl.fuzz.FuzzChecks.expectProtocolError;
import static io.jerl.fuzz.FuzzChecks.feed;
import static io.jerl.fuzz.FuzzChecks.withAllocationBound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Arbitrary bytes into both ends of EPMD: the embedded EPMD server (a connection from the local host, with one node
 * already registered, so lookups and names find something), and the client's three reply decoders.
 * {@code data[0]} picks the target (bits 4-5: server, ALIVE2 reply, PORT2 reply, NAMES reply) and how the rest is
 * split into reads (bits 0-3). The only exception allowed is a {@code ProtocolException}; whatever the server
 * answers must be read back by the client's decoder for that request. Seeds: the requests a real erl sent a real
 * epmd, and epmd's replies (see {@code io.jerl.fuzz.CorpusCapture}).
 */
class EpmdFuzzTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4369);

    @FuzzTest
    void bytes(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int target = (data[0] >> 4) & 3;
        int chunking = data[0] & 0x0F;
        int step = chunking <= 8 ? 0 : chunking - 8;
        withAllocationBound(data.length, 64, 4 << 20, () -> {
            if (target == 0) {
                server(data, step);
            } else {
                decode(data, step, target == 1 ? Alive2ReplyDecoder::new
                        : target == 2 ? Port2ReplyDecoder::new : NamesReplyDecoder::new);
            }
        });
    }

    private static void server(byte[] data, int chunking) {
        EmbeddedEpmd server = EmbeddedEpmd.detached(4369);
        EmbeddedChannel known = PeerChannel.connect(server, CLIENT, SERVER);
        known.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(Alive2Request.of("known", 5000, false))));
        drain(known);
        EmbeddedChannel ch = PeerChannel.connect(server, CLIENT, SERVER);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try {
            int step = chunking <= 0 ? data.length : chunking;
            for (int i = 1; i < data.length && ch.isOpen(); i += step) {
                ch.writeInbound(Unpooled.wrappedBuffer(data, i, Math.min(step, data.length - i)));
                collect(ch, reply);
            }
            collect(ch, reply);
        } catch (RuntimeException e) {
            expectProtocolError(e);
        } finally {
            drain(ch);
            ch.finishAndReleaseAll();
            known.finishAndReleaseAll();
        }
        if (reply.size() > 0) {
            readBack(data.length > 3 ? data[3] & 0xFF : -1, reply.toByteArray());
        }
    }

    private static void collect(EmbeddedChannel ch, ByteArrayOutputStream reply) {
        for (Object m; (m = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) m;
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            ReferenceCountUtil.release(b);
            reply.writeBytes(bytes);
        }
    }

    /** The server answered the request whose code is {@code code}: the client must read that answer. */
    private static void readBack(int code, byte[] reply) {
        ByteToMessageDecoder decoder = code == EpmdProtocol.ALIVE2_REQ ? new Alive2ReplyDecoder()
                : code == EpmdProtocol.PORT_PLEASE2_REQ ? new Port2ReplyDecoder() : new NamesReplyDecoder();
        EmbeddedChannel client = new EmbeddedChannel(decoder);
        client.writeInbound(Unpooled.wrappedBuffer(reply));
        client.finish();
        Object answer = client.readInbound();
        if (!(answer instanceof EpmdReply)) {
            throw new AssertionError("the client could not read the server's reply to request " + code + ": " + answer);
        }
        drain(client);
    }

    private static void decode(byte[] data, int chunking, Supplier<ByteToMessageDecoder> decoder) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder.get());
        try {
            feed(ch, data, 1, chunking);
        } catch (RuntimeException e) {
            expectProtocolError(e);
        } finally {
            drain(ch);
        }
    }
}
