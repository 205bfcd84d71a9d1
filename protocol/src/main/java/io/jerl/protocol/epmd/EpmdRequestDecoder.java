package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Server side: reads the one request a client sends on an EPMD connection. Every length field is checked as soon
 * as its bytes arrive, against the request length and the configured limits, so a hostile client can make the
 * server buffer at most {@code maxRequestLength} bytes. Anything malformed, and any byte after the request, raises
 * a {@link ProtocolException} (wrapped by Netty in a {@code DecoderException}); from then on input is discarded and
 * the handler behind is expected to close the connection.
 */
public final class EpmdRequestDecoder extends ByteToMessageDecoder {
    private enum State { LENGTH, BODY, DONE, FAILED }

    private final int maxRequestLength;
    private final int maxNameBytes;
    private final int maxExtraBytes;
    private State state = State.LENGTH;
    private int length;

    /** With real epmd's limits: names up to 1020 bytes, extra up to 1020 bytes, requests up to 2053 bytes. */
    public EpmdRequestDecoder() {
        this(EpmdProtocol.MAX_REQUEST_LENGTH, EpmdProtocol.MAX_NAME_BYTES, EpmdProtocol.MAX_EXTRA_BYTES);
    }

    public EpmdRequestDecoder(int maxRequestLength, int maxNameBytes, int maxExtraBytes) {
        if (maxRequestLength < 1 || maxRequestLength > 0xFFFF || maxNameBytes < 1 || maxExtraBytes < 0) {
            throw new IllegalArgumentException("bad EPMD request limits: request " + maxRequestLength + ", name "
                    + maxNameBytes + ", extra " + maxExtraBytes);
        }
        this.maxRequestLength = maxRequestLength;
        this.maxNameBytes = maxNameBytes;
        this.maxExtraBytes = maxExtraBytes;
    }

    @Override
    @SuppressWarnings("fallthrough") // each state falls into the next as soon as its bytes are there
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case LENGTH:
                if (in.readableBytes() < 2) {
                    return;
                }
                length = in.readUnsignedShort();
                if (length == 0) {
                    throw fail("empty request (length 0)");
                }
                if (length > maxRequestLength) {
                    throw fail("request length " + length + " exceeds the limit of " + maxRequestLength + " bytes");
                }
                state = State.BODY;
                // fall through
            case BODY:
                checkSoFar(in);
                if (in.readableBytes() < length) {
                    return;
                }
                EpmdRequest request;
                try {
                    request = parse(in.readSlice(length));
                } catch (ProtocolException e) {
                    state = State.FAILED;
                    throw e;
                }
                state = State.DONE;
                out.add(request);
                return;
            case DONE:
                if (in.isReadable()) {
                    int n = in.readableBytes();
                    in.skipBytes(n);
                    throw fail(n + " unexpected byte(s) after the request");
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
        if (state == State.BODY || (state == State.LENGTH && in.isReadable())) {
            int got = in.readableBytes();
            in.skipBytes(got);
            throw fail("connection closed in the middle of a request ("
                    + (state == State.BODY ? got + " of " + length + " body bytes" : "half a length field") + ")");
        }
    }

    /** Checks what can be checked with the bytes of the body that have arrived so far. */
    private void checkSoFar(ByteBuf in) {
        int avail = Math.min(in.readableBytes(), length);
        if (avail < 1) {
            return;
        }
        int base = in.readerIndex();
        int code = in.getUnsignedByte(base);
        if (code == EpmdProtocol.ALIVE2_REQ) {
            if (length < 14) {
                throw fail("ALIVE2_REQ of " + length + " bytes is truncated: its fields and a name need at least 14");
            }
            if (avail < 11) {
                return;
            }
            int nameLength = in.getUnsignedShort(base + 9);
            if (nameLength == 0) {
                throw fail("ALIVE2_REQ with an empty node name");
            }
            if (nameLength > maxNameBytes) {
                throw fail("ALIVE2_REQ name length " + nameLength + " exceeds the limit of " + maxNameBytes + " bytes");
            }
            if (13 + nameLength > length) {
                throw fail("ALIVE2_REQ name length " + nameLength + " does not fit in a request of " + length + " bytes");
            }
            if (avail < 13 + nameLength) {
                return;
            }
            int extraLength = in.getUnsignedShort(base + 11 + nameLength);
            if (extraLength > maxExtraBytes) {
                throw fail("ALIVE2_REQ extra length " + extraLength + " exceeds the limit of " + maxExtraBytes
                        + " bytes");
            }
            if (13 + nameLength + extraLength != length) {
                throw fail("ALIVE2_REQ fields add up to " + (13 + nameLength + extraLength)
                        + " bytes but the request length is " + length);
            }
        } else if (code == EpmdProtocol.PORT_PLEASE2_REQ) {
            if (length < 2) {
                throw fail("PORT_PLEASE2_REQ without a node name");
            }
            if (length - 1 > maxNameBytes + 1) { // a trailing NUL is tolerated, as real epmd does
                throw fail("PORT_PLEASE2_REQ name of " + (length - 1) + " bytes exceeds the limit of " + maxNameBytes
                        + " bytes");
            }
        } else if (code == EpmdProtocol.NAMES_REQ) {
            if (length != 1) {
                throw fail("NAMES_REQ of " + length + " bytes; it is 1 byte");
            }
        } else {
            throw fail("unknown EPMD request code " + code + describe(code));
        }
    }

    private static String describe(int code) {
        switch (code) {
            case 100:
                return " (DUMP_REQ, which jerl's EPMD does not serve)";
            case 107:
                return " (KILL_REQ, which jerl's EPMD does not serve)";
            case 115:
                return " (STOP_REQ, which jerl's EPMD does not serve)";
            default:
                return "";
        }
    }

    private EpmdRequest parse(ByteBuf body) {
        int code = body.readUnsignedByte();
        if (code == EpmdProtocol.ALIVE2_REQ) {
            int port = body.readUnsignedShort();
            int nodeType = body.readUnsignedByte();
            int protocol = body.readUnsignedByte();
            int highest = body.readUnsignedShort();
            int lowest = body.readUnsignedShort();
            byte[] name = new byte[body.readUnsignedShort()];
            body.readBytes(name);
            byte[] extra = new byte[body.readUnsignedShort()];
            body.readBytes(extra);
            return new Alive2Request(port, nodeType, protocol, highest, lowest,
                    EpmdText.decodeName(name, "ALIVE2_REQ"), extra);
        }
        if (code == EpmdProtocol.PORT_PLEASE2_REQ) {
            int n = body.readableBytes();
            if (body.getByte(body.readerIndex() + n - 1) == 0) {
                n--;
            }
            byte[] name = new byte[n];
            body.readBytes(name);
            if (name.length > maxNameBytes) {
                throw new ProtocolException("PORT_PLEASE2_REQ name of " + name.length + " bytes exceeds the limit of "
                        + maxNameBytes + " bytes");
            }
            return new PortPlease2Request(EpmdText.decodeName(name, "PORT_PLEASE2_REQ"));
        }
        return NamesRequest.INSTANCE;
    }

    private ProtocolException fail(String message) {
        state = State.FAILED;
        return new ProtocolException(message);
    }
}
