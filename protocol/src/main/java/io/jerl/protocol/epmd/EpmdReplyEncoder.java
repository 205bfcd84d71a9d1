package io.jerl.protocol.epmd;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes {@link EpmdReply}s exactly as real epmd does (no length prefix). */
@ChannelHandler.Sharable
public final class EpmdReplyEncoder extends MessageToByteEncoder<EpmdReply> {
    public EpmdReplyEncoder() {
        super(EpmdReply.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, EpmdReply msg, ByteBuf out) {
        write(msg, out);
    }

    /** Appends the wire form of {@code msg} to {@code out}. */
    public static void write(EpmdReply msg, ByteBuf out) {
        if (msg instanceof Alive2Reply r) {
            if (r.extended()) {
                out.writeByte(EpmdProtocol.ALIVE2_X_RESP);
                out.writeByte(r.result());
                out.writeInt(r.creation());
            } else {
                out.writeByte(EpmdProtocol.ALIVE2_RESP);
                out.writeByte(r.result());
                out.writeShort(r.creation());
            }
        } else if (msg instanceof Port2Reply r) {
            out.writeByte(EpmdProtocol.PORT2_RESP);
            out.writeByte(r.result());
            if (r.found()) {
                byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
                out.writeShort(r.port());
                out.writeByte(r.nodeType());
                out.writeByte(r.protocol());
                out.writeShort(r.highestVersion());
                out.writeShort(r.lowestVersion());
                out.writeShort(name.length);
                out.writeBytes(name);
                out.writeShort(r.extraUnsafe().length);
                out.writeBytes(r.extraUnsafe());
            }
        } else if (msg instanceof NamesReply r) {
            out.writeInt(r.epmdPort());
            for (RegisteredNode n : r.names()) {
                out.writeCharSequence("name ", StandardCharsets.US_ASCII);
                out.writeCharSequence(n.name(), StandardCharsets.UTF_8);
                out.writeCharSequence(" at port " + n.port() + "\n", StandardCharsets.US_ASCII);
            }
        } else {
            throw new IllegalArgumentException("unknown EPMD reply " + msg);
        }
    }
}
