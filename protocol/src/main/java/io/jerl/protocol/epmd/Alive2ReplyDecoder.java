package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Client side: reads the answer to ALIVE2_REQ, either ALIVE2_X_RESP (118) or ALIVE2_RESP (121). EPMD sends
 * nothing else on a registration connection, so any later byte is an error.
 */
public final class Alive2ReplyDecoder extends ByteToMessageDecoder {
    private enum State { CODE, BODY, DONE, FAILED }

    private State state = State.CODE;
    private boolean extended;

    @Override
    @SuppressWarnings("fallthrough") // each state falls into the next as soon as its bytes are there
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case CODE:
                if (!in.isReadable()) {
                    return;
                }
                int code = in.readUnsignedByte();
                if (code == EpmdProtocol.ALIVE2_X_RESP) {
                    extended = true;
                } else if (code == EpmdProtocol.ALIVE2_RESP) {
                    extended = false;
                } else {
                    throw fail("EPMD answered ALIVE2_REQ with reply code " + code + "; expected "
                            + EpmdProtocol.ALIVE2_X_RESP + " or " + EpmdProtocol.ALIVE2_RESP);
                }
                state = State.BODY;
                // fall through
            case BODY:
                if (in.readableBytes() < (extended ? 5 : 3)) {
                    return;
                }
                int result = in.readUnsignedByte();
                int creation = extended ? in.readInt() : in.readUnsignedShort();
                state = State.DONE;
                out.add(new Alive2Reply(result, creation, extended));
                return;
            case DONE:
                if (in.isReadable()) {
                    int n = in.readableBytes();
                    in.skipBytes(n);
                    throw fail("EPMD sent " + n + " unexpected byte(s) on the registration connection");
                }
                return;
            case FAILED:
            default:
                in.skipBytes(in.readableBytes());
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (state == State.BODY) {
            in.skipBytes(in.readableBytes());
            throw fail("EPMD closed the connection in the middle of its ALIVE2 reply");
        }
    }

    private ProtocolException fail(String message) {
        state = State.FAILED;
        return new ProtocolException(message);
    }
}
