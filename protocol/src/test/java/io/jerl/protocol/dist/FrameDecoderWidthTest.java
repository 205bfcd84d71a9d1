package io.jerl.protocol.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Handshake frames have 2-byte lengths on TCP and 4-byte ones over TLS (inet_tls_dist's {packet, 4}). */
class FrameDecoderWidthTest {
    private static String readOne(EmbeddedChannel ch) {
        ByteBuf f = ch.readInbound();
        if (f == null) {
            return null;
        }
        try {
            return f.toString(StandardCharsets.US_ASCII);
        } finally {
            f.release();
        }
    }

    @Test
    void overTlsAHandshakeMessageHasAFourByteLengthFedOneByteAtATime() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(4096, 1 << 20, 4));
        byte[] frame = {0, 0, 0, 5, 'N', 'a', 'm', 'e', '!'};
        for (int i = 0; i < frame.length - 1; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[i]}));
            assertNull(readOne(ch), "nothing before the whole frame");
        }
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[frame.length - 1]}));
        assertEquals("Name!", readOne(ch));
    }

    @Test
    void onTcpTheSameBytesAreAnEmptyFrameThenAnotherLength() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(4096, 1 << 20));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 5, 'N'}));
        assertEquals("", readOne(ch), "what a 2-byte reader made of erl's TLS handshake before the fix");
    }

    @Test
    void aFourByteHandshakeLengthIsStillBoundedByTheHandshakeLimit() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(4096, 1 << 20, 4));
        assertThrows(DecoderException.class, () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x10, 1})));
    }
}
