package io.jerl.protocol.handshake;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.handshake.HandshakeMessage.Challenge;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeAck;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeReply;
import io.jerl.protocol.handshake.HandshakeMessage.Complement;
import io.jerl.protocol.handshake.HandshakeMessage.OldSendName;
import io.jerl.protocol.handshake.HandshakeMessage.SendName;
import io.jerl.protocol.handshake.HandshakeMessage.Status;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes handshake message bodies (the 2-byte length prefix is the frame decoder's business).
 * 'N' means a name to an acceptor but a challenge to an initiator, so reading needs to know the side.
 */
public final class HandshakeCodec {
    /** Node names are at most 255 characters before '@' plus a host name; nothing legitimate is longer. */
    static final int MAX_NAME_BYTES = 1024;
    private static final int DIGEST_BYTES = 16;

    private HandshakeCodec() {
    }

    /** A message the acceptor may receive: 'N', 'n', 'c', 's' or 'r'. */
    public static HandshakeMessage readAtAcceptor(ByteBuf in) {
        int tag = readTag(in);
        return switch (tag) {
            case 'N' -> {
                need(in, 14, "name");
                long flags = in.readLong();
                int creation = in.readInt();
                yield new SendName(flags, creation, readName(in, in.readUnsignedShort()));
            }
            case 'n' -> {
                need(in, 6, "old name");
                int version = in.readUnsignedShort();
                long flags = in.readUnsignedInt();
                yield new OldSendName(version, flags, readName(in, in.readableBytes()));
            }
            case 'c' -> {
                need(in, 8, "complement");
                yield new Complement(in.readUnsignedInt(), in.readInt());
            }
            case 's' -> new Status(readName(in, in.readableBytes()));
            case 'r' -> {
                need(in, 4 + DIGEST_BYTES, "challenge reply");
                int challenge = in.readInt();
                byte[] digest = new byte[DIGEST_BYTES];
                in.readBytes(digest);
                yield new ChallengeReply(challenge, digest);
            }
            default -> throw unexpected(tag, "acceptor");
        };
    }

    /** A message the initiator may receive: 's', 'N' (challenge) or 'a'. */
    public static HandshakeMessage readAtInitiator(ByteBuf in) {
        int tag = readTag(in);
        return switch (tag) {
            case 's' -> new Status(readName(in, in.readableBytes()));
            case 'N' -> {
                need(in, 18, "challenge");
                long flags = in.readLong();
                int challenge = in.readInt();
                int creation = in.readInt();
                yield new Challenge(flags, challenge, creation, readName(in, in.readUnsignedShort()));
            }
            case 'a' -> {
                need(in, DIGEST_BYTES, "challenge ack");
                byte[] digest = new byte[DIGEST_BYTES];
                in.readBytes(digest);
                yield new ChallengeAck(digest);
            }
            default -> throw unexpected(tag, "initiator");
        };
    }

    /** Writes a message body (no length prefix). */
    public static void write(HandshakeMessage m, ByteBuf out) {
        if (m instanceof SendName n) {
            out.writeByte('N').writeLong(n.flags()).writeInt(n.creation());
            writeName16(n.name(), out);
        } else if (m instanceof Challenge c) {
            out.writeByte('N').writeLong(c.flags()).writeInt(c.challenge()).writeInt(c.creation());
            writeName16(c.name(), out);
        } else if (m instanceof Status s) {
            out.writeByte('s').writeBytes(s.status().getBytes(StandardCharsets.UTF_8));
        } else if (m instanceof ChallengeReply r) {
            out.writeByte('r').writeInt(r.challenge()).writeBytes(r.digest());
        } else if (m instanceof ChallengeAck a) {
            out.writeByte('a').writeBytes(a.digest());
        } else if (m instanceof OldSendName o) {
            out.writeByte('n').writeShort(o.version()).writeInt((int) o.flags())
                    .writeBytes(o.name().getBytes(StandardCharsets.UTF_8));
        } else if (m instanceof Complement c) {
            out.writeByte('c').writeInt((int) c.flagsHigh()).writeInt(c.creation());
        }
    }

    private static void writeName16(String name, ByteBuf out) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length).writeBytes(b);
    }

    private static int readTag(ByteBuf in) {
        need(in, 1, "message");
        return in.readUnsignedByte();
    }

    private static String readName(ByteBuf in, int length) {
        if (length > MAX_NAME_BYTES) {
            throw new ProtocolException("handshake name of " + length + " bytes; names are at most " + MAX_NAME_BYTES);
        }
        need(in, length, "name");
        String s = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
        if (in.isReadable()) {
            throw new ProtocolException("handshake message has " + in.readableBytes() + " unexpected trailing bytes");
        }
        return s;
    }

    private static void need(ByteBuf in, int n, String what) {
        if (in.readableBytes() < n) {
            throw new ProtocolException("truncated handshake " + what + ": need " + n + " bytes, have " + in.readableBytes());
        }
    }

    private static ProtocolException unexpected(int tag, String side) {
        return new ProtocolException("unexpected handshake message tag " + tag
                + (tag >= 32 && tag < 127 ? " ('" + (char) tag + "')" : "") + " at the " + side);
    }
}
