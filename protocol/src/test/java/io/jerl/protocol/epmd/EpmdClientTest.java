package io.jerl.protocol.epmd;

import static io.jerl.protocol.epmd.EpmdTesting.await;
import static io.jerl.protocol.epmd.EpmdTesting.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.testing.ErlTools;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's failure paths and argument checks, against sockets the test controls. */
class EpmdClientTest {
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void defaultPortComesFromErlEpmdPort() {
        assertEquals(4369, EpmdClient.portFrom(null));
        assertEquals(4369, EpmdClient.portFrom("  "));
        assertEquals(4370, EpmdClient.portFrom("4370"));
        assertEquals(4371, EpmdClient.portFrom(" 4371 "));
        for (String bad : List.of("abc", "0", "65536", "-1", "43 69")) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> EpmdClient.portFrom(bad));
            assertTrue(e.getMessage().contains("ERL_EPMD_PORT"), e.getMessage());
        }
        String env = System.getenv("ERL_EPMD_PORT");
        assertEquals(env == null || env.isBlank() ? 4369 : Integer.parseInt(env.trim()), EpmdClient.defaultPort());
    }

    @Test
    void nothingListeningIsAClearError() {
        int port = ErlTools.freePort();
        EpmdClient client = new EpmdClient(group, port);
        for (ProtocolException e : List.of(awaitFailure(client.names("localhost")),
                awaitFailure(client.portPlease("localhost", "x")),
                awaitFailure(client.register("x", 5000, false)))) {
            assertTrue(e.getMessage().startsWith("no EPMD answers on localhost:" + port + " (connection refused)"),
                    e.getMessage());
        }
    }

    @Test
    void silentEpmdTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EpmdClient client = new EpmdClient(group, silent.getLocalPort(), Duration.ofMillis(300));
            long t0 = System.nanoTime();
            ProtocolException e = awaitFailure(client.names("127.0.0.1"));
            assertEquals("EPMD on 127.0.0.1:" + silent.getLocalPort() + " did not answer NAMES_REQ within 300 ms",
                    e.getMessage());
            ProtocolException r = awaitFailure(client.register("quiet", 5000, false));
            assertTrue(r.getMessage().contains("did not answer ALIVE2_REQ for quiet within 300 ms"), r.getMessage());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "bounded by the timeout");
        }
    }

    @Test
    void garbageFromEpmdFailsTheCall() throws Exception {
        try (ServerSocket liar = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = liar.accept()) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    out.flush();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException ignored) {
                    // test over
                }
            });
            t.start();
            ProtocolException e = awaitFailure(new EpmdClient(group, liar.getLocalPort()).register("x", 5000, false));
            assertTrue(e.getMessage().contains("answered ALIVE2_REQ for x wrongly: EPMD answered ALIVE2_REQ with"
                    + " reply code 72"), e.getMessage());
            t.join();
        }
    }

    @Test
    void epmdClosingWithoutAnswerFailsTheCall() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = rude.accept()) {
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // test over
                }
            });
            t.start();
            ProtocolException e = awaitFailure(new EpmdClient(group, rude.getLocalPort())
                    .portPlease("127.0.0.1", "x"));
            assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
            t.join();
        }
    }

    @Test
    void registrationLostWhenEpmdDropsTheSocket() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CountDownLatch drop = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    s.getInputStream().readNBytes(16);
                    s.getOutputStream().write(new byte[] {118, 0, 0, 0, 0, 42});
                    s.getOutputStream().flush();
                    drop.await();
                } catch (IOException | InterruptedException ignored) {
                    // test over
                }
            });
            t.start();
            EpmdRegistration reg = await(new EpmdClient(group, fake.getLocalPort()).register("x", 5000, false));
            assertEquals(42, reg.creation());
            CountDownLatch lost = new CountDownLatch(1);
            reg.onLost(lost::countDown);
            drop.countDown();
            assertTrue(lost.await(10, TimeUnit.SECONDS), "onLost ran");
            CountDownLatch late = new CountDownLatch(1);
            reg.onLost(late::countDown);
            assertEquals(0, late.getCount(), "a hook added after the loss runs at once");
            t.join();
        }
    }

    @Test
    void unknownHostIsAClearError() {
        ProtocolException e = awaitFailure(new EpmdClient(group, 4369).names("no-such-host.invalid"));
        assertTrue(e.getMessage().contains("cannot find the EPMD of host no-such-host.invalid"), e.getMessage());
    }

    @Test
    void badArgumentsFailTheFuture() {
        EpmdClient client = new EpmdClient(group, 4369);
        assertTrue(awaitFailure(client.register("a@b", 5000, false)).getMessage().contains("alive part"));
        assertTrue(awaitFailure(client.register("", 5000, false)).getMessage().contains("empty"));
        assertTrue(awaitFailure(client.register("x".repeat(256), 5000, false)).getMessage().contains("256"));
        assertTrue(awaitFailure(client.register("x", 0, false)).getMessage().contains("not a TCP port"));
        assertTrue(awaitFailure(client.portPlease("", "x")).getMessage().contains("no host"));
        assertThrows(ProtocolException.class, () -> new EpmdClient(group, 70000));
    }
}
