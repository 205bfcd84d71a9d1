package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link EpmdRequest}s: a 2-byte big-endian length, then the body. */
@ChannelHandler.Sharable
public final class EpmdRequestEncoder extends MessageToByteEncoder<EpmdRequest> {
    public EpmdRequestEncoder() {
        super(EpmdRequest.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, EpmdRequest msg, ByteBuf out) {
        write(msg, out);
    }

    /** Appends the wire form of {@code msg}, length prefix included, to {@code out}. */
    public static void write(EpmdRequest msg, ByteBuf out) {
        if (msg instanceof Alive2Request r) {
            byte[] name = EpmdText.encodeName(r.name(), "ALIVE2_REQ");
            int length = 13 + name.length + r.extraLength();
            checkLength(length, "ALIVE2_REQ");
            out.writeShort(length);
            out.writeByte(EpmdProtocol.ALIVE2_REQ);
            out.writeShort(r.port());
            out.writeByte(r.nodeType());
            out.writeByte(r.protocol());
            out.writeShort(r.highestVersion());
            out.writeShort(r.lowestVersion());
            out.writeShort(name.length);
            out.writeBytes(name);
            out.writeShort(r.extraLength());
            out.writeBytes(r.extraUnsafe());
        } else if (msg instanceof PortPlease2Request r) {
            byte[] name = EpmdText.encodeName(r.name(), "PORT_PLEASE2_REQ");
            int length = 1 + name.length;
            checkLength(length, "PORT_PLEASE2_REQ");
            out.writeShort(length);
            out.writeByte(EpmdProtocol.PORT_PLEASE2_REQ);
            out.writeBytes(name);
        } else if (msg instanceof NamesRequest) {
            out.writeShort(1);
            out.writeByte(EpmdProtocol.NAMES_REQ);
        } else {
            throw new IllegalArgumentException("unknown EPMD request " + msg);
        }
    }

    private static void checkLength(int length, String what) {
        if (length > 0xFFFF) {
            throw new ProtocolException(what + " would be " + length + " bytes long; EPMD requests hold at most 65535");
        }
    }
}
