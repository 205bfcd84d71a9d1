package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Client side: reads PORT2_RESP (119). {@code [119, non-zero]} means the name is unknown; otherwise the port,
 * node type, protocol, versions, name and extra follow. Name and extra lengths are checked against the limits
 * before their bytes are waited for.
 */
public final class Port2ReplyDecoder extends ByteToMessageDecoder {
    private enum State { CODE, HEADER, NAME, EXTRA, DONE, FAILED }

    private final int maxNameBytes;
    private final int maxExtraBytes;
    private State state = State.CODE;
    private int port;
    private int nodeType;
    private int protocol;
    private int highest;
    private int lowest;
    private int nameLength;
    private String name;
    private int extraLength;

    public Port2ReplyDecoder() {
        this(EpmdProtocol.MAX_NAME_BYTES, EpmdProtocol.MAX_EXTRA_BYTES);
    }

    public Port2ReplyDecoder(int maxNameBytes, int maxExtraBytes) {
        if (maxNameBytes < 1 || maxExtraBytes < 0) {
            throw new IllegalArgumentException("bad PORT2_RESP limits: name " + maxNameBytes + ", extra "
                    + maxExtraBytes);
        }
        this.maxNameBytes = maxNameBytes;
        this.maxExtraBytes = maxExtraBytes;
    }

    @Override
    @SuppressWarnings("fallthrough") // each state falls into the next as soon as its bytes are there
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case CODE:
                if (in.readableBytes() < 2) {
                    return;
                }
                int code = in.readUnsignedByte();
                if (code != EpmdProtocol.PORT2_RESP) {
                    throw fail("EPMD answered PORT_PLEASE2_REQ with reply code " + code + "; expected "
                            + EpmdProtocol.PORT2_RESP);
                }
                int result = in.readUnsignedByte();
                if (result != 0) {
                    state = State.DONE;
                    out.add(Port2Reply.notFound(result));
                    return;
                }
                state = State.HEADER;
                // fall through
            case HEADER:
                if (in.readableBytes() < 10) {
                    return;
                }
                port = in.readUnsignedShort();
                nodeType = in.readUnsignedByte();
                protocol = in.readUnsignedByte();
                highest = in.readUnsignedShort();
                lowest = in.readUnsignedShort();
                nameLength = in.readUnsignedShort();
                if (nameLength == 0 || nameLength > maxNameBytes) {
                    throw fail("PORT2_RESP name length " + nameLength + " is outside 1.." + maxNameBytes);
                }
                state = State.NAME;
                // fall through
            case NAME:
                if (in.readableBytes() < nameLength + 2) {
                    return;
                }
                byte[] nameBytes = new byte[nameLength];
                in.readBytes(nameBytes);
                try {
                    name = EpmdText.decodeName(nameBytes, "PORT2_RESP");
                } catch (ProtocolException e) {
                    state = State.FAILED;
                    throw e;
                }
                extraLength = in.readUnsignedShort();
                if (extraLength > maxExtraBytes) {
                    throw fail("PORT2_RESP extra length " + extraLength + " exceeds the limit of " + maxExtraBytes
                            + " bytes");
                }
                state = State.EXTRA;
                // fall through
            case EXTRA:
                if (in.readableBytes() < extraLength) {
                    return;
                }
                byte[] extra = new byte[extraLength];
                in.readBytes(extra);
                state = State.DONE;
                out.add(new Port2Reply(0, port, nodeType, protocol, highest, lowest, name, extra));
                return;
            case DONE:
                if (in.isReadable()) {
                    int n = in.readableBytes();
                    in.skipBytes(n);
                    throw fail("EPMD sent " + n + " unexpected byte(s) after PORT2_RESP");
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
        if (state != State.DONE && state != State.FAILED && (state != State.CODE || in.isReadable())) {
            in.skipBytes(in.readableBytes());
            throw fail("EPMD closed the connection in the middle of PORT2_RESP");
        }
    }

    private ProtocolException fail(String message) {
        state = State.FAILED;
        return new ProtocolException(message);
    }
}
