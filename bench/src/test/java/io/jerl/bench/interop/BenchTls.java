package io.jerl.bench.interop;

import io.jerl.protocol.node.ConnectionInfo;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.tls.TlsOptions;
import io.jerl.shell.certs.ClusterCa;
import io.jerl.shell.certs.SslDistConf;
import io.jerl.shell.tls.SslDistOptions;
import io.jerl.testing.ErlTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutual TLS for the benchmarks, as a reader sets it up: one cluster CA, one certificate for this host, and an
 * {@code ssl_dist.conf} that the erl nodes read with {@code -ssl_dist_optfile} and jerl reads the way its shell does.
 */
final class BenchTls {
    private final Path conf;

    private BenchTls(Path conf) {
        this.conf = conf;
    }

    static BenchTls create() {
        try {
            Path dir = Files.createTempDirectory("jerl-bench-tls");
            Instant now = Instant.now();
            ClusterCa.Issued ca = ClusterCa.newCa("bench CA", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
            ClusterCa.Issued node = ClusterCa.newNode(ca, "bench@" + ErlTools.shortHostName(), now.minusSeconds(60),
                    now.plus(Duration.ofDays(1)));
            ClusterCa.write(ca, dir.resolve("ca.pem"), dir.resolve("ca-key.pem"));
            ClusterCa.write(node, dir.resolve("cert.pem"), dir.resolve("key.pem"));
            Path conf = dir.resolve("ssl_dist.conf");
            Files.writeString(conf, SslDistConf.mutual(dir.resolve("cert.pem"), dir.resolve("key.pem"), dir.resolve("ca.pem")));
            return new BenchTls(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> erlArgs(List<String> extra) {
        List<String> all = new ArrayList<>(List.of("-proto_dist", "inet_tls", "-ssl_dist_optfile", conf.toString()));
        all.addAll(extra);
        return all;
    }

    TlsOptions jerl() {
        SslDistOptions o = new SslDistOptions();
        o.readFile(conf);
        return o.options();
    }

    /** What jerl's connection to {@code peer} negotiated, for the run's header. */
    static String describe(Node jerl, String peer) {
        ConnectionInfo info = jerl.connectionInfo(Atom.of(peer));
        return info == null || info.tls() == null ? "jerl's connection not known"
                : "jerl-erl " + info.tls().protocol() + " " + info.tls().cipherSuite();
    }
}
