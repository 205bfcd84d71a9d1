package io.jerl.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.epmd.EpmdRegistration;
import io.jerl.protocol.handshake.HandshakeMessage.Complement;
import io.jerl.protocol.handshake.HandshakeMessage.OldSendName;
import io.jerl.protocol.handshake.HandshakeMessage.SendName;
import io.jerl.protocol.handshake.HandshakeMessage.Status;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import io.jerl.testing.RawPeer;
import io.netty.buffer.Unpooled;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handshake's less travelled paths against a real jerl node: a restarted peer ('alive'), missing
 * flags ('not_allowed'), the OTP 23 'n' + 'c' form, silence at each side, an impostor, and two nodes
 * dialing each other at once.
 */
class HandshakeInteropTest {
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long PUBLISHED_FLAGS = DistFlags.JERL_DEFAULT | DistFlags.PUBLISHED;
    private static Epmd epmd;
    private static String cookie;
    private static Node jerl;
    private static NioEventLoopGroup group;

    @BeforeAll
    static void start() {
        epmd = Epmd.start();
        cookie = ErlTools.randomCookie();
        jerl = JerlTestNode.start("hs", cookie, epmd.port(), o -> o.withHandshakeTimeout(STEP));
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stop() {
        jerl.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        epmd.close();
    }

    private static String peerName(String prefix) {
        return ErlTools.uniqueName(prefix) + "@" + NodeName.shortHostName();
    }

    private static void awaitConnected(String peer, boolean connected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jerl.nodes().contains(Atom.of(peer)) != connected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(connected, jerl.nodes().contains(Atom.of(peer)), peer + " in nodes(): " + jerl.nodes());
    }

    @Test
    void aRestartedPeerIsAnsweredAliveAndReplacesItsOldConnection() throws Exception {
        String name = peerName("phoenix");
        try (RawPeer old = RawPeer.connect(jerl.port(), WAIT); RawPeer reborn = RawPeer.connect(jerl.port(), WAIT)) {
            old.send(new SendName(PUBLISHED_FLAGS, 1, name));
            assertEquals(new Status("ok"), old.receive());
            old.finish(cookie);
            awaitConnected(name, true);

            reborn.send(new SendName(PUBLISHED_FLAGS, 2, name));
            assertEquals(new Status("alive"), reborn.receive());
            reborn.send(new Status("true"));
            reborn.finish(cookie);
            assertTrue(old.awaitClosed(), "the old connection is dropped");
            awaitConnected(name, true);
            assertEquals(1, jerl.nodes().stream().filter(n -> n.name().equals(name)).count());
        }
    }

    @Test
    void aPeerThatAnswersFalseToAliveKeepsTheOldConnection() throws Exception {
        String name = peerName("keeper");
        try (RawPeer first = RawPeer.connect(jerl.port(), WAIT); RawPeer second = RawPeer.connect(jerl.port(), WAIT)) {
            first.send(new SendName(PUBLISHED_FLAGS, 1, name));
            assertEquals(new Status("ok"), first.receive());
            first.finish(cookie);
            awaitConnected(name, true);
            second.send(new SendName(PUBLISHED_FLAGS, 1, name));
            assertEquals(new Status("alive"), second.receive());
            second.send(new Status("false"));
            assertTrue(second.awaitClosed());
            awaitConnected(name, true);
        }
    }

    @Test
    void aPeerWithoutTheMandatoryFlagsIsNotAllowed() throws Exception {
        try (LogCapture logs = LogCapture.start(); RawPeer p = RawPeer.connect(jerl.port(), WAIT)) {
            String name = peerName("ancient");
            p.send(new SendName(DistFlags.EXTENDED_REFERENCES | DistFlags.PUBLISHED, 1, name));
            assertEquals(new Status("not_allowed"), p.receive());
            assertTrue(p.awaitClosed());
            logs.await(WAIT, "refused a connection from " + name, "mandatory");
        }
    }

    @Test
    void anOtp23InitiatorMayUseTheOldNameAndThenComplement() throws Exception {
        String name = peerName("otp23");
        long flags = PUBLISHED_FLAGS;
        try (RawPeer p = RawPeer.connect(jerl.port(), WAIT)) {
            p.send(new OldSendName(5, flags & 0xFFFFFFFFL, name));
            assertEquals(new Status("ok"), p.receive());
            p.send(new Complement(flags >>> 32, 3));
            p.finish(cookie);
            awaitConnected(name, true);
        }
    }

    @Test
    void theOldNameWithoutHandshake23IsNotAllowed() throws Exception {
        try (RawPeer p = RawPeer.connect(jerl.port(), WAIT)) {
            p.send(new OldSendName(5, (PUBLISHED_FLAGS & ~DistFlags.HANDSHAKE_23) & 0xFFFFFFFFL, peerName("otp22")));
            assertEquals(new Status("not_allowed"), p.receive());
            assertTrue(p.awaitClosed());
        }
    }

    @Test
    void aPeerThatConnectsAndSaysNothingIsDroppedAfterTheStepTimeout() {
        try (RawPeer p = RawPeer.connect(jerl.port(), WAIT)) {
            long start = System.nanoTime();
            assertTrue(p.awaitClosed());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= STEP.toMillis() - 200 && ms < WAIT.toMillis(), "closed after " + ms + " ms");
        }
    }

    @Test
    void anAcceptorThatSaysNothingFailsTheDialAfterTheStepTimeout() throws Exception {
        String alive = ErlTools.uniqueName("mute");
        try (LogCapture logs = LogCapture.start()) {
            fakeAcceptor(alive, (in, out) -> sleep(WAIT.toMillis()), () -> {
                assertFalse(jerl.connect(Atom.of(alive + "@" + NodeName.shortHostName())));
                logs.await(WAIT, "cannot connect to " + alive, "timed out");
            });
        }
    }

    @Test
    void aChallengeFromAnotherNodeThanTheOneDialedIsRefused() throws Exception {
        String alive = ErlTools.uniqueName("impostor");
        try (LogCapture logs = LogCapture.start()) {
            fakeAcceptor(alive, (in, out) -> {
                readFrame(in);
                writeFrame(out, new Status("ok"));
                writeFrame(out, new HandshakeMessage.Challenge(PUBLISHED_FLAGS, 1, 1, "someone_else@elsewhere"));
                sleep(WAIT.toMillis());
            }, () -> {
                assertFalse(jerl.connect(Atom.of(alive + "@" + NodeName.shortHostName())));
                logs.await(WAIT, "the node answering is someone_else@elsewhere");
            });
        }
    }

    @Test
    void twoJerlNodesDialingEachOtherAtOnceEndWithOneConnection() throws Exception {
        try (Node other = JerlTestNode.start("twin", cookie, epmd.port())) {
            for (int round = 0; round < 10; round++) {
                CompletableFuture<DistConnection> a = jerl.connectAsync(other.name());
                CompletableFuture<DistConnection> b = other.connectAsync(jerl.name());
                assertNotNull(a.get(10, TimeUnit.SECONDS), "round " + round + ": jerl's dial");
                assertNotNull(b.get(10, TimeUnit.SECONDS), "round " + round + ": the twin's dial");
                assertEquals(List.of(other.name()), jerl.nodes().stream().filter(n -> n.equals(other.name())).toList());
                assertTrue(other.nodes().contains(jerl.name()));
                assertTrue(jerl.ping(other.name()));
                jerl.disconnect(other.name());
                long deadline = System.nanoTime() + WAIT.toNanos();
                while ((jerl.nodes().contains(other.name()) || other.nodes().contains(jerl.name()))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
        }
    }

    @Test
    void jerlAndErlDialingEachOtherAtOnceBothSucceed() throws Exception {
        try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            String jerlAtom = JerlTestNode.atom(jerl);
            for (int round = 0; round < 5; round++) {
                CompletableFuture<String> fromErl = CompletableFuture.supplyAsync(
                        () -> erl.eval("net_kernel:connect_node(" + jerlAtom + ")"));
                assertTrue(jerl.connect(Atom.of(erl.name())), "round " + round);
                assertEquals("true", fromErl.get(20, TimeUnit.SECONDS), "round " + round);
                assertEquals("pong", erl.eval("net_adm:ping(" + jerlAtom + ")"));
                erl.eval("erlang:disconnect_node(" + jerlAtom + ")");
                awaitConnected(erl.name(), false);
            }
        }
    }

    /** Registers {@code alive} in EPMD for a plain server socket that runs {@code script} on the first dial. */
    private static void fakeAcceptor(String alive, BiConsumer<DataInputStream, DataOutputStream> script,
                                     ThrowingRunnable test) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            EpmdRegistration reg = new EpmdClient(group, epmd.port()).register(alive, server.getLocalPort(), false)
                    .get(10, TimeUnit.SECONDS);
            Thread acceptor = new Thread(() -> {
                try (Socket s = server.accept()) {
                    script.accept(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try {
                test.run();
            } finally {
                reg.close();
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void readFrame(DataInputStream in) {
        try {
            in.readFully(new byte[in.readUnsignedShort()]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void writeFrame(DataOutputStream out, HandshakeMessage m) {
        try {
            io.netty.buffer.ByteBuf b = Unpooled.buffer();
            HandshakeCodec.write(m, b);
            out.writeShort(b.readableBytes());
            out.write(b.array(), b.arrayOffset(), b.readableBytes());
            out.flush();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
