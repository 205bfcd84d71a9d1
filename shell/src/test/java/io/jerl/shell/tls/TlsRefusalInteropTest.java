package io.jerl.shell.tls;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way into a mutual-TLS jerl node that must fail, against real erl: each is refused, jerl logs one line
 * naming the peer and the reason, and a well-configured erl still connects afterwards.
 */
class TlsRefusalInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TlsCluster cluster;
    private Epmd epmd;
    private String cookie;
    private LogCapture logs;
    private Node jerl;
    private Path jerlConf;

    @BeforeEach
    void start() {
        cluster = TlsCluster.create();
        cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        logs = LogCapture.start();
        jerlConf = cluster.node("jerl");
        jerl = JerlTestNode.start("guarded", cookie, epmd.port(),
                o -> o.withTls(TlsCluster.jerlOptions(jerlConf)).withHandshakeTimeout(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        jerl.close();
        logs.close();
        epmd.close();
        String all = String.join("\n", logs.lines());
        assertFalse(all.contains(cookie), "the cookie never reaches the log");
        assertFalse(all.contains("PRIVATE KEY"), "no key material in the log");
    }

    private ErlNode erl(String name, List<String> args) {
        return erl(name, cookie, args);
    }

    private ErlNode erl(String name, String cookie, List<String> args) {
        return ErlNode.builder(ErlTools.uniqueName(name)).cookie(cookie).epmdPort(epmd.port())
                .args(args.toArray(String[]::new)).start();
    }

    /** A correctly configured erl still gets in: the refusal cost nothing but that one connection. */
    private void stillServing() {
        try (ErlNode good = erl("good", TlsCluster.erlArgs(cluster.node("good")))) {
            assertEquals("pong", good.eval("net_adm:ping(" + atom(jerl) + ")"), "jerl still serves a good peer");
        }
    }

    @Test
    void aClientWithoutACertificateIsRefused() {
        try (ErlNode bare = erl("bare", TlsCluster.erlArgs(cluster.withoutClientCertificate(cluster.node("bare"))))) {
            assertEquals("pang", bare.eval("net_adm:ping(" + atom(jerl) + ")"));
            logs.await(WAIT, "tls: the node at ", "presented no certificate", "fail_if_no_peer_cert");
        }
        stillServing();
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAndNamed() {
        Instant now = Instant.now();
        Path conf = cluster.custom("stranger", TlsCluster.otherCa(), now.minusSeconds(60), now.plusSeconds(3600));
        try (ErlNode stranger = erl("stranger", TlsCluster.erlArgs(conf))) {
            assertEquals("pang", stranger.eval("net_adm:ping(" + atom(jerl) + ")"));
            logs.await(WAIT, "tls: the node at ", "not signed by the configured CA", "CN=stranger@", "issued by CN=some other CA");
        }
        stillServing();
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Instant now = Instant.now();
        Path conf = cluster.custom("old", cluster.ca(), now.minusSeconds(7200), now.minusSeconds(3600));
        try (ErlNode old = erl("old", TlsCluster.erlArgs(conf))) {
            assertEquals("pang", old.eval("net_adm:ping(" + atom(jerl) + ")"));
            logs.await(WAIT, "tls: the node at ", "presented a certificate that expired on", "CN=old@");
        }
        stillServing();
    }

    @Test
    void aPlainTcpPeerIsToldApart() {
        try (ErlNode plain = erl("plain", List.of())) {
            assertEquals("pang", plain.eval("net_adm:ping(" + atom(jerl) + ")"));
            logs.await(WAIT, "tls: the node at ", "sent plain TCP, not TLS", "-proto_dist inet_tls");
            // and the other way: a TLS node dialing a plain one
            assertFalse(jerl.connect(Atom.of(plain.name())));
            logs.await(WAIT, "tls: " + plain.name(), "plain-TCP", "-proto_dist inet_tls");
        }
        stillServing();
    }

    @Test
    void aWrongCookieOverTlsIsRefusedAsOnTcp() {
        try (ErlNode other = erl("cookieless", ErlTools.randomCookie(), TlsCluster.erlArgs(cluster.node("cookieless")))) {
            assertEquals("pang", other.eval("net_adm:ping(" + atom(jerl) + ")"));
            logs.await(WAIT, other.name(), "cookie");
        }
        stillServing();
    }

    @Test
    void jerlRefusesAServerWhoseCertificateIsForAnotherHostOrFromAnotherCa() {
        Instant now = Instant.now();
        Path elsewhere = cluster.custom("elsewhere", "some-other-host", cluster.ca(), now.minusSeconds(60), now.plusSeconds(3600));
        try (ErlNode erl = erl("elsewhere", TlsCluster.erlArgs(elsewhere))) {
            assertFalse(jerl.connect(Atom.of(erl.name())), "erl's certificate does not name this host");
            logs.await(WAIT, "tls: " + erl.name(), "presented a certificate for some-other-host, not for the host "
                    + ErlTools.shortHostName());
        }
        Path stranger = cluster.custom("strange", TlsCluster.otherCa(), now.minusSeconds(60), now.plusSeconds(3600));
        try (ErlNode erl = erl("strange", TlsCluster.erlArgs(stranger))) {
            assertFalse(jerl.connect(Atom.of(erl.name())));
            logs.await(WAIT, "tls: " + erl.name(), "not signed by the configured CA");
        }
        stillServing();
    }

    @Test
    void erlRefusingJerlsCertificateIsExplainedOnJerlsSide() {
        Instant now = Instant.now();
        Path strangerConf = cluster.custom("jerlstranger", TlsCluster.otherCa(), now.minusSeconds(60), now.plusSeconds(3600));
        try (Node stranger = JerlTestNode.start("stranger", cookie, epmd.port(),
                o -> o.withTls(TlsCluster.jerlOptions(strangerConf)));
             ErlNode erl = erl("judge", TlsCluster.erlArgs(cluster.node("judge")))) {
            assertFalse(stranger.connect(Atom.of(erl.name())), "erl does not trust the other CA");
            logs.await(WAIT, "tls: " + erl.name(), "certificate");
            assertTrue(jerl.connect(Atom.of(erl.name())), "the node with the cluster's certificate gets in");
        }
    }

    @Test
    void garbageAndHalfOpenTlsHandshakesAreClosedWithoutHarm() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x16; // looks like a TLS handshake record, then is not one
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", jerl.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(garbage);
            assertEquals(-1, drain(s), "garbage gets the connection closed");
        }
        // A record header that promises a ClientHello that never comes, and a socket that says nothing at all:
        // both are closed by the handshake timeout (3 s here), not held.
        for (byte[] start : List.of(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01}, new byte[0])) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", jerl.port())) {
                s.setSoTimeout(15_000);
                s.getOutputStream().write(start);
                long t0 = System.nanoTime();
                assertEquals(-1, drain(s), "a half-open handshake is closed");
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(12).toNanos(), "closed by the handshake timeout");
            }
        }
        logs.await(WAIT, "tls: the node at ", "did not complete the TLS handshake within 3000 ms");
        stillServing();
    }

    /** Reads until the peer closes; -1 then (a read timeout fails the test). */
    private static int drain(java.net.Socket s) throws java.io.IOException {
        byte[] buf = new byte[1024];
        int n;
        try {
            while ((n = s.getInputStream().read(buf)) >= 0) {
                // an alert may come first
            }
        } catch (java.net.SocketException reset) {
            return -1; // reset by the peer: closed too
        }
        return n;
    }
}
