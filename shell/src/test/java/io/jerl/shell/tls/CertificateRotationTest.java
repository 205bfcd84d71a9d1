package io.jerl.shell.tls;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.shell.certs.ClusterCa;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Certificate files replaced on disk, as a Kubernetes secret or cert-manager renews them: the next connection
 * presents the new certificate, live ones keep running, erl accepts the new one, and the log says what changed.
 */
class CertificateRotationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void newConnectionsPresentTheRenewedCertificateWithoutARestart() throws Exception {
        TlsCluster cluster = TlsCluster.create();
        String cookie = ErlTools.randomCookie();
        Path conf = cluster.node("rotating");
        Path dir = conf.getParent();
        try (Epmd epmd = Epmd.start();
             LogCapture logs = LogCapture.start();
             Node rotating = JerlTestNode.start("rotating", cookie, epmd.port(), o -> o.withTls(TlsCluster.jerlOptions(conf)));
             Node observer = JerlTestNode.start("observer", cookie, epmd.port(),
                     o -> o.withTls(TlsCluster.jerlOptions(cluster.node("observer"))))) {
            assertTrue(observer.connect(rotating.name()));
            assertTrue(observer.connectionInfo(rotating.name()).tls().peerSubject().startsWith("CN=rotating@"));

            Instant now = Instant.now();
            ClusterCa.Issued renewed = ClusterCa.newNode(cluster.ca(), "renewed@" + ErlTools.shortHostName(),
                    now.minusSeconds(60), now.plus(Duration.ofDays(30)));
            ClusterCa.write(renewed, dir.resolve("cert.pem"), dir.resolve("key.pem"));

            // The live connection carries on.
            assertEquals(rotating.name(), observer.rpcCall(rotating.name(), Atom.of("erlang"), Atom.of("node"), List.of(), WAIT));
            // A new one presents the new certificate, to jerl and to erl.
            try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port())
                    .args(TlsCluster.erlArgs(cluster.node("erl")).toArray(String[]::new)).start()) {
                assertEquals("pong", erl.eval("net_adm:ping(" + atom(rotating) + ")"), "erl accepts the renewed certificate");
            }
            logs.await(WAIT, "tls: the server certificate files changed: new connections present CN=renewed@",
                    "was CN=rotating@");
            assertTrue(observer.disconnect(rotating.name()));
            Await.until("the old connection is gone", WAIT, () -> rotating.connectionInfo(observer.name()) == null);
            assertTrue(observer.connect(rotating.name()));
            assertTrue(observer.connectionInfo(rotating.name()).tls().peerSubject().startsWith("CN=renewed@"),
                    "the new connection presents the renewed certificate");
        }
    }
}
