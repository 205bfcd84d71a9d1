package io.jerl.testing;

import io.jerl.protocol.handshake.Digest;
import io.jerl.protocol.handshake.HandshakeCodec;
import io.jerl.protocol.handshake.HandshakeMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;

/**
 * A hand-driven peer on a plain socket, for handshake and wire tests that need to say exactly what a real
 * node would not: any message, in any order, or nothing at all.
 */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    public static RawPeer connect(int port, Duration readTimeout) {
        try {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout((int) readTimeout.toMillis());
            return new RawPeer(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a handshake message with its 2-byte length. */
    public void send(HandshakeMessage m) throws IOException {
        ByteBuf b = Unpooled.buffer();
        HandshakeCodec.write(m, b);
        out.writeShort(b.readableBytes());
        out.write(b.array(), b.arrayOffset() + b.readerIndex(), b.readableBytes());
        out.flush();
    }

    /** Reads one handshake message as the initiator sees it. */
    public HandshakeMessage receive() throws IOException {
        byte[] body = new byte[in.readUnsignedShort()];
        in.readFully(body);
        return HandshakeCodec.readAtInitiator(Unpooled.wrappedBuffer(body));
    }

    /** Completes an initiator's handshake after the status: challenge, reply, ack. */
    public void finish(String cookie) throws IOException {
        HandshakeMessage.Challenge c = (HandshakeMessage.Challenge) receive();
        send(new HandshakeMessage.ChallengeReply(7, Digest.of(cookie, c.challenge())));
        HandshakeMessage.ChallengeAck ack = (HandshakeMessage.ChallengeAck) receive();
        if (!Digest.matches(cookie, 7, ack.digest())) {
            throw new AssertionError("the acceptor's ack does not prove the cookie");
        }
    }

    public void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** True when the other side has closed: reads to the end of the stream (ticks may come first). */
    public boolean awaitClosed() {
        try {
            while (in.read() != -1) {
                // skip ticks
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
