package io.jerl.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.handshake.HandshakeMessage.Challenge;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeAck;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeReply;
import io.jerl.protocol.handshake.HandshakeMessage.SendName;
import io.jerl.protocol.handshake.HandshakeMessage.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HandshakeCodecTest {
    @Test
    void digestMatchesTheDocumentedVector() {
        // PROTOCOL-NOTES: cookie "secret", challenge 123456.
        assertEquals("e7703b4537789d7055f55048e8f9d25c", HexFormat.of().formatHex(Digest.of("secret", 123456)));
        assertTrue(Digest.matches("secret", 123456, Digest.of("secret", 123456)));
        assertFalse(Digest.matches("other", 123456, Digest.of("secret", 123456)));
    }

    @Test
    void challengeIsReadAsUnsigned() {
        // A challenge with the top bit set is the decimal of the unsigned value, not a negative number.
        assertArrayEquals(Digest.of("c", 0xFFFFFFFF), md5("c4294967295"));
    }

    @Test
    void nameMessageHasTheVersion6Layout() {
        ByteBuf b = Unpooled.buffer();
        HandshakeCodec.write(new SendName(0x1234L, 7, "a@b"), b);
        assertEquals("4e" + "0000000000001234" + "00000007" + "0003" + "614062", HexFormat.of().formatHex(bytes(b)));
    }

    @Test
    void messagesReadBackOnTheSideThatReceivesThem() {
        assertEquals(new SendName(DistFlags.JERL_DEFAULT, 42, "car@server2"),
                HandshakeCodec.readAtAcceptor(written(new SendName(DistFlags.JERL_DEFAULT, 42, "car@server2"))));
        assertEquals(new Challenge(5L, -3, 9, "bus@server1"),
                HandshakeCodec.readAtInitiator(written(new Challenge(5L, -3, 9, "bus@server1"))));
        assertEquals(new Status("ok_simultaneous"), HandshakeCodec.readAtInitiator(written(new Status("ok_simultaneous"))));
        ChallengeReply r = (ChallengeReply) HandshakeCodec.readAtAcceptor(written(new ChallengeReply(77, Digest.of("x", 1))));
        assertEquals(77, r.challenge());
        assertArrayEquals(Digest.of("x", 1), r.digest());
        assertInstanceOf(ChallengeAck.class, HandshakeCodec.readAtInitiator(written(new ChallengeAck(Digest.of("x", 2)))));
    }

    @Test
    void malformedMessagesAreProtocolErrors() {
        assertThrows(ProtocolException.class, () -> HandshakeCodec.readAtAcceptor(Unpooled.wrappedBuffer(new byte[] {'N', 0, 0})));
        assertThrows(ProtocolException.class, () -> HandshakeCodec.readAtAcceptor(Unpooled.wrappedBuffer(new byte[] {'Z'})));
        assertThrows(ProtocolException.class, () -> HandshakeCodec.readAtInitiator(Unpooled.wrappedBuffer(new byte[0])));
        // A name length longer than the message.
        ByteBuf lying = Unpooled.buffer().writeByte('N').writeLong(0).writeInt(0).writeShort(500).writeBytes(new byte[3]);
        assertThrows(ProtocolException.class, () -> HandshakeCodec.readAtAcceptor(lying));
        assertThrows(ProtocolException.class, () -> HandshakeCodec.readAtAcceptor(Unpooled.wrappedBuffer(new byte[] {'r', 1, 2})));
    }

    private static ByteBuf written(HandshakeMessage m) {
        ByteBuf b = Unpooled.buffer();
        HandshakeCodec.write(m, b);
        return b;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static byte[] md5(String s) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
