package io.jerl.protocol.epmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalAddress;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded EPMD's connection logic driven through {@link EmbeddedChannel}s with chosen peer addresses:
 * the local-peer rule, malformed input fed whole and byte by byte, and that the server keeps serving afterwards.
 */
class EmbeddedEpmdChannelTest {
    private static final InetSocketAddress LOOPBACK_PEER = inet("127.0.0.1", 50_000);
    private static final InetSocketAddress SERVER = inet("192.0.2.2", 4369);

    private EmbeddedEpmd server;
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = EmbeddedEpmd.detached(4369);
        server.onConnectionRejected(rejections::add);
    }

    // ---- the local-peer rule ----

    @Test
    void localPeerRuleMatchesRealEpmd() {
        assertTrue(EmbeddedEpmd.isLocalPeer(inet("127.0.0.1", 1), SERVER), "loopback");
        assertTrue(EmbeddedEpmd.isLocalPeer(inet("127.4.5.6", 1), SERVER), "all of 127/8 is loopback");
        assertTrue(EmbeddedEpmd.isLocalPeer(inet("::1", 1), inet("::1", 4369)), "IPv6 loopback");
        assertTrue(EmbeddedEpmd.isLocalPeer(inet("192.0.2.2", 1), SERVER), "the address the connection came in on");
        assertTrue(EmbeddedEpmd.isLocalPeer(new LocalAddress("x"), new LocalAddress("y")), "in-VM channel");
        assertFalse(EmbeddedEpmd.isLocalPeer(inet("192.0.2.77", 1), SERVER), "another host");
        assertFalse(EmbeddedEpmd.isLocalPeer(inet("10.1.2.3", 1), inet("10.1.2.4", 4369)), "another host, same net");
        assertFalse(EmbeddedEpmd.isLocalPeer(inet("2001:db8::5", 1), inet("2001:db8::6", 4369)), "another v6 host");
        assertFalse(EmbeddedEpmd.isLocalPeer(InetSocketAddress.createUnresolved("localhost", 1), SERVER),
                "an unresolved address proves nothing");
        assertFalse(EmbeddedEpmd.isLocalPeer(null, SERVER), "no peer address");
    }

    @Test
    void registrationFromAnotherHostIsDroppedWithoutAnAnswer() {
        EmbeddedChannel ch = connect(inet("192.0.2.77", 40_000), SERVER);
        ch.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(Alive2Request.of("intruder", 5000, false))));
        assertFalse(ch.isOpen(), "closed");
        assertNull(ch.readOutbound(), "no reply");
        assertEquals(List.of(), server.names());
        assertEquals(1, rejections.size());
        assertTrue(rejections.get(0).contains("non-local address /192.0.2.77:40000"), rejections.get(0));

        // Lookups from anywhere are served, as real epmd does.
        EmbeddedChannel lookup = connect(inet("192.0.2.77", 40_001), SERVER);
        lookup.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(new PortPlease2Request("intruder"))));
        assertArrayEquals(new byte[] {119, 1}, outbound(lookup));
    }

    @Test
    void registrationFromThisHostsOwnAddressIsAccepted() {
        EmbeddedChannel ch = connect(inet("192.0.2.2", 40_000), SERVER);
        byte[] reply = register(ch, Alive2Request.of("own_address", 5000, false));
        assertEquals(118, reply[0]);
        assertEquals(0, reply[1]);
        assertEquals(List.of(new RegisteredNode("own_address", 5000)), server.names());
    }

    // ---- normal service ----

    @Test
    void registersLooksUpListsAndFreesOnClose() {
        EmbeddedChannel a = connect(LOOPBACK_PEER, SERVER);
        byte[] ra = register(a, new Alive2Request(5001, 77, 0, 6, 6, "alpha", new byte[] {7}));
        EmbeddedChannel b = connect(LOOPBACK_PEER, SERVER);
        register(b, Alive2Request.of("beta", 5002, true));
        assertNotEquals(0, ByteBuffer.wrap(ra, 2, 4).getInt(), "creation is non-zero");
        assertTrue(a.isOpen() && b.isOpen(), "registration connections stay open");

        assertArrayEquals(new byte[] {119, 0, 0x13, (byte) 0x89, 77, 0, 0, 6, 0, 6, 0, 5, 'a', 'l', 'p', 'h', 'a', 0, 1, 7},
                request(new PortPlease2Request("alpha")));
        assertArrayEquals(new byte[] {119, 1}, request(new PortPlease2Request("gamma")));
        assertArrayEquals(names(4369, "name beta at port 5002\nname alpha at port 5001\n"), request(NamesRequest.INSTANCE),
                "newest first, like real epmd");

        a.close();
        assertEquals(List.of(new RegisteredNode("beta", 5002)), server.names());
        assertArrayEquals(new byte[] {119, 1}, request(new PortPlease2Request("alpha")));
    }

    @Test
    void takenNameIsRefusedWithResultOneAndTheConnectionClosed() {
        register(connect(LOOPBACK_PEER, SERVER), Alive2Request.of("taken", 5001, false));
        EmbeddedChannel second = connect(LOOPBACK_PEER, SERVER);
        second.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(Alive2Request.of("taken", 5002, false))));
        assertArrayEquals(new byte[] {118, 1, 0, 0, 0, 99}, outbound(second), "what real epmd answers");
        assertFalse(second.isOpen());
        assertEquals(List.of(new RegisteredNode("taken", 5001)), server.names(), "the first keeps the name");
    }

    @Test
    void creationChangesWhenANameIsRegisteredAgain() {
        EmbeddedChannel first = connect(LOOPBACK_PEER, SERVER);
        int c1 = ByteBuffer.wrap(register(first, Alive2Request.of("again", 5001, false)), 2, 4).getInt();
        first.close();
        EmbeddedChannel second = connect(LOOPBACK_PEER, SERVER);
        int c2 = ByteBuffer.wrap(register(second, Alive2Request.of("again", 5001, false)), 2, 4).getInt();
        assertNotEquals(0, c1);
        assertNotEquals(0, c2);
        assertNotEquals(c1, c2, "a new incarnation gets a new creation");
    }

    @Test
    void olderClientsGetAlive2RespWithASmallCreation() {
        EmbeddedChannel ch = connect(LOOPBACK_PEER, SERVER);
        byte[] reply = register(ch, new Alive2Request(5003, 77, 0, 5, 5, "old", null));
        assertEquals(4, reply.length);
        assertEquals(121, reply[0]);
        assertEquals(0, reply[1]);
        int creation = ((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF);
        assertTrue(creation >= 1 && creation <= 3, "version-5 creations are 1..3, got " + creation);
    }

    @Test
    void idleConnectionIsClosedAfterTheRequestTimeout() {
        EmbeddedChannel ch = connect(LOOPBACK_PEER, SERVER);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1}));
        ch.advanceTimeBy(EmbeddedEpmd.DEFAULT_REQUEST_TIMEOUT.toMillis() + 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isOpen());
        assertTrue(rejections.get(0).contains("no complete request"), rejections.get(0));
    }

    // ---- malformed input ----

    @Test
    void unknownRequestCode() {
        malformed(new byte[] {0, 1, 99}, 3, "unknown EPMD request code 99");
    }

    @Test
    void truncatedAlive2() {
        malformed(new byte[] {0, 5, 120, 0, 1, 77, 0}, 3, "truncated");
    }

    @Test
    void nameLengthLargerThanTheRequest() {
        malformed(new byte[] {0, 16, 120, 0x13, (byte) 0x89, 77, 0, 0, 6, 0, 6, 1, 0, 'x', 'y', 0, 0, 0}, 13,
                "name length 256 does not fit in a request of 16 bytes");
    }

    @Test
    void requestLength65535OfGarbage() {
        byte[] wire = new byte[2 + 600];
        wire[0] = (byte) 0xFF;
        wire[1] = (byte) 0xFF;
        for (int i = 2; i < wire.length; i++) {
            wire[i] = (byte) (i * 31);
        }
        malformed(wire, 2, "request length 65535 exceeds the limit");
    }

    @Test
    void bytesAfterARegistrationDropTheRegistration() {
        EmbeddedChannel ch = connect(LOOPBACK_PEER, SERVER);
        register(ch, Alive2Request.of("chatty", 5005, false));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        assertFalse(ch.isOpen());
        assertEquals(List.of(), server.names());
        assertTrue(rejections.get(0).contains("unexpected byte"), rejections.get(0));
    }

    /**
     * Feeds {@code wire} whole on one connection and byte by byte on another: both are closed with the reason
     * logged, byte by byte it happens at byte {@code closesAfter} (no sooner, no later), nothing is answered or
     * registered, and afterwards a valid registration on a new connection works.
     */
    private void malformed(byte[] wire, int closesAfter, String reason) {
        EmbeddedChannel whole = connect(LOOPBACK_PEER, SERVER);
        whole.writeInbound(Unpooled.wrappedBuffer(wire));
        assertFalse(whole.isOpen(), "closed after the whole input");
        assertNull(whole.readOutbound(), "no answer to garbage");

        EmbeddedChannel bytewise = connect(LOOPBACK_PEER, SERVER);
        int fed = 0;
        while (bytewise.isOpen() && fed < wire.length) {
            bytewise.writeInbound(Unpooled.wrappedBuffer(new byte[] {wire[fed++]}));
        }
        assertFalse(bytewise.isOpen(), "closed while fed byte by byte");
        assertEquals(closesAfter, fed, "closed as soon as the input was known to be bad");
        assertNull(bytewise.readOutbound(), "no answer to garbage");

        assertEquals(2, rejections.size(), "one logged reason per connection: " + rejections);
        for (String r : rejections) {
            assertTrue(r.contains(reason), "reason \"" + r + "\" should mention \"" + reason + "\"");
        }
        assertEquals(List.of(), server.names());

        EmbeddedChannel good = connect(LOOPBACK_PEER, SERVER);
        byte[] reply = register(good, Alive2Request.of("after_garbage", 5009, false));
        assertEquals(0, reply[1]);
        assertEquals(List.of(new RegisteredNode("after_garbage", 5009)), server.names());
    }

    // ---- helpers ----

    private EmbeddedChannel connect(SocketAddress remote, SocketAddress local) {
        return PeerChannel.connect(server, remote, local);
    }

    private static byte[] register(EmbeddedChannel ch, Alive2Request request) {
        ch.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(request)));
        byte[] reply = outbound(ch);
        assertTrue(reply.length >= 2, "a reply");
        return reply;
    }

    /** A one-shot request on a fresh loopback connection; the server answers and closes. */
    private byte[] request(EpmdRequest request) {
        EmbeddedChannel ch = connect(LOOPBACK_PEER, SERVER);
        ch.writeInbound(Unpooled.wrappedBuffer(EpmdTesting.requestBytes(request)));
        byte[] reply = outbound(ch);
        assertFalse(ch.isOpen(), "EPMD closes after answering");
        return reply;
    }

    private static byte[] outbound(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] names(int port, String lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(port).array());
        out.writeBytes(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static InetSocketAddress inet(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
