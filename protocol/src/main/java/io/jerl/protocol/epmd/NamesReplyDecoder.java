package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Client side: reads the answer to NAMES_REQ, EPMD's port:32 and then {@code name NAME at port PORT\n} lines
 * until EPMD closes the connection; the {@link NamesReply} is emitted when the connection ends. A line longer
 * than {@code maxLineBytes} is refused before it is buffered whole, and so are more than {@code maxNames} lines.
 */
public final class NamesReplyDecoder extends ByteToMessageDecoder {
    private static final String PREFIX = "name ";
    private static final String MIDDLE = " at port ";

    private enum State { PORT, LINES, DONE, FAILED }

    private final int maxLineBytes;
    private final int maxNames;
    private final List<RegisteredNode> names = new ArrayList<>();
    private State state = State.PORT;
    private int epmdPort;

    public NamesReplyDecoder() {
        this(EpmdProtocol.MAX_NAMES_LINE_BYTES, EpmdProtocol.MAX_NAMES);
    }

    public NamesReplyDecoder(int maxLineBytes, int maxNames) {
        if (maxLineBytes < 20 || maxNames < 0) {
            throw new IllegalArgumentException("bad NAMES limits: line " + maxLineBytes + ", names " + maxNames);
        }
        this.maxLineBytes = maxLineBytes;
        this.maxNames = maxNames;
    }

    @Override
    @SuppressWarnings("fallthrough") // each state falls into the next as soon as its bytes are there
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case PORT:
                if (in.readableBytes() < 4) {
                    return;
                }
                long port = in.readUnsignedInt();
                if (port > 0xFFFF) {
                    throw fail("NAMES reply starts with port " + port + ", which is not a TCP port");
                }
                epmdPort = (int) port;
                state = State.LINES;
                // fall through
            case LINES:
                while (true) {
                    int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                    if (newline < 0) {
                        if (in.readableBytes() > maxLineBytes) {
                            throw fail("NAMES line longer than " + maxLineBytes + " bytes");
                        }
                        return;
                    }
                    int lineLength = newline - in.readerIndex();
                    if (lineLength + 1 > maxLineBytes) {
                        throw fail("NAMES line longer than " + maxLineBytes + " bytes");
                    }
                    String line = in.readCharSequence(lineLength, StandardCharsets.UTF_8).toString();
                    in.skipBytes(1);
                    if (names.size() >= maxNames) {
                        throw fail("NAMES reply lists more than " + maxNames + " names");
                    }
                    names.add(parseLine(line));
                }
            case DONE:
            case FAILED:
            default:
                in.skipBytes(in.readableBytes());
        }
    }

    private RegisteredNode parseLine(String line) {
        int middle = line.lastIndexOf(MIDDLE);
        if (!line.startsWith(PREFIX) || middle < PREFIX.length() + 1) {
            throw fail("malformed NAMES line \"" + line + "\"; expected \"name NAME at port PORT\"");
        }
        String name = line.substring(PREFIX.length(), middle);
        String digits = line.substring(middle + MIDDLE.length());
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("malformed port in NAMES line \"" + line + "\"");
        }
        int port = Integer.parseInt(digits);
        if (port > 0xFFFF) {
            throw fail("port " + port + " in NAMES line \"" + line + "\" is not a TCP port");
        }
        return new RegisteredNode(name, port);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (state == State.PORT) {
            in.skipBytes(in.readableBytes());
            throw fail("EPMD closed the connection before sending its NAMES reply");
        }
        if (state == State.LINES) {
            if (in.isReadable()) {
                int n = in.readableBytes();
                in.skipBytes(n);
                throw fail("NAMES reply ends with an incomplete line of " + n + " bytes");
            }
            state = State.DONE;
            out.add(new NamesReply(epmdPort, names));
        }
    }

    private ProtocolException fail(String message) {
        state = State.FAILED;
        return new ProtocolException(message);
    }
}
