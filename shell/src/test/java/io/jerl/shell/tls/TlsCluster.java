package io.jerl.shell.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.protocol.tls.TlsOptions;
import io.jerl.shell.certs.CertsCommand;
import io.jerl.shell.certs.ClusterCa;
import io.jerl.shell.certs.SslDistConf;
import io.jerl.testing.ErlTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A test cluster's certificates, made the way a reader makes them: {@code jerl certs init} and {@code jerl certs
 * node}, so every test also checks that erl takes their output unchanged. Odd certificates (expired, from
 * another CA) come from {@link ClusterCa} directly.
 */
final class TlsCluster {
    final Path dir;

    private TlsCluster(Path dir) {
        this.dir = dir;
    }

    static TlsCluster create() {
        try {
            Path dir = Files.createTempDirectory("jerl-tls");
            certs("init", dir.resolve("ca").toString());
            return new TlsCluster(dir.resolve("ca"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jerl certs node NAME@HOST DIR} for this machine's short host name; the ssl_dist.conf it wrote. */
    Path node(String alive) {
        String node = alive + "@" + ErlTools.shortHostName();
        String out = certs("node", node, dir.toString());
        Path conf = dir.resolve(node).resolve("ssl_dist.conf").toAbsolutePath();
        if (!out.contains("-ssl_dist_optfile " + conf)) {
            throw new AssertionError("jerl certs node did not name the conf it wrote:\n" + out);
        }
        return conf;
    }

    /** A node's files made by hand: a certificate signed by {@code ca} valid from {@code from} to {@code until}. */
    Path custom(String label, ClusterCa.Issued ca, Instant from, Instant until) {
        return custom(label, ErlTools.shortHostName(), ca, from, until);
    }

    /** As {@link #custom(String, ClusterCa.Issued, Instant, Instant)}, for a certificate naming {@code host}. */
    Path custom(String label, String host, ClusterCa.Issued ca, Instant from, Instant until) {
        try {
            Path d = Files.createDirectories(dir.resolve("custom-" + label));
            ClusterCa.Issued issued = ClusterCa.newNode(ca, label + "@" + host, from, until);
            ClusterCa.write(issued, d.resolve("cert.pem"), d.resolve("key.pem"));
            Path conf = d.resolve("ssl_dist.conf");
            Files.writeString(conf, SslDistConf.mutual(d.resolve("cert.pem").toAbsolutePath(),
                    d.resolve("key.pem").toAbsolutePath(), dir.resolve("ca.pem").toAbsolutePath()));
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A conf whose client side presents no certificate (the server side is that of {@code base}). */
    Path withoutClientCertificate(Path base) {
        try {
            String text = Files.readString(base);
            int client = text.indexOf("{client, [");
            String clientPart = "{client, [{cacertfile, " + SslDistConf.string(dir.resolve("ca.pem").toAbsolutePath())
                    + "}, {verify, verify_peer}]}].\n";
            Path conf = base.resolveSibling("no-client-cert.conf");
            Files.writeString(conf, text.substring(0, client) + clientPart);
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ClusterCa.Issued ca() {
        return ClusterCa.read(dir.resolve("ca.pem"), dir.resolve("ca-key.pem"));
    }

    static ClusterCa.Issued otherCa() {
        Instant now = Instant.now();
        return ClusterCa.newCa("some other CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /** erl's flags for a node using {@code conf}. */
    static List<String> erlArgs(Path conf) {
        return List.of("-proto_dist", "inet_tls", "-ssl_dist_optfile", conf.toString());
    }

    /** The same file read the way jerl's -ssl_dist_optfile reads it. */
    static TlsOptions jerlOptions(Path conf) {
        SslDistOptions o = new SslDistOptions();
        o.readFile(conf);
        return o.options();
    }

    private static String certs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CertsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, "jerl certs " + String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
