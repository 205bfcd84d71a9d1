package io.jerl.protocol.dist;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into length-prefixed frames: 2-byte lengths during the handshake, 4-byte ones once
 * the connection is up. Over TLS the handshake has 4-byte lengths too: erl's inet_tls_dist runs it on an ssl
 * socket opened with {@code {packet, 4}}. The handshake handler switches the width between two frames, which is safe because
 * this decoder emits one frame per call and Netty hands each to the next handler before decoding on.
 * A declared length above the limit closes the connection before any of it is buffered.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxHandshakeFrame;
    private final int maxFrame;
    private final int handshakeWidth;
    private volatile boolean connected;

    /** For plain TCP distribution: 2-byte lengths in the handshake. */
    public FrameDecoder(int maxHandshakeFrame, int maxFrame) {
        this(maxHandshakeFrame, maxFrame, 2);
    }

    /** {@code handshakeWidth}: the bytes of a handshake message's length, 2 on plain TCP and 4 over TLS. */
    public FrameDecoder(int maxHandshakeFrame, int maxFrame, int handshakeWidth) {
        if (handshakeWidth != 2 && handshakeWidth != 4) {
            throw new IllegalArgumentException("handshake lengths are 2 or 4 bytes, not " + handshakeWidth);
        }
        this.maxHandshakeFrame = maxHandshakeFrame;
        this.maxFrame = maxFrame;
        this.handshakeWidth = handshakeWidth;
    }

    /** The bytes of a handshake message's length prefix; the handshake writes its own messages with it. */
    public int handshakeWidth() {
        return handshakeWidth;
    }

    /** From the next frame on, lengths are 4 bytes wide. */
    public void switchToConnected() {
        connected = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int width = connected ? 4 : handshakeWidth;
        if (in.readableBytes() < width) {
            return;
        }
        long length = width == 4 ? in.getUnsignedInt(in.readerIndex()) : in.getUnsignedShort(in.readerIndex());
        long limit = connected ? maxFrame : maxHandshakeFrame;
        if (length > limit) {
            in.skipBytes(in.readableBytes());
            throw new ProtocolException("frame of " + length + " bytes exceeds the limit of " + limit
                    + (connected ? " (raise it with the node's maxFrameBytes option)" : " for handshake messages"));
        }
        if (in.readableBytes() < width + length) {
            return;
        }
        in.skipBytes(width);
        out.add(in.readRetainedSlice((int) length));
        // One frame per call: the handshake may change the width before the next one is cut.
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // Bytes left at close are an incomplete frame; there is nothing useful to do with them.
        in.skipBytes(in.readableBytes());
    }
}
