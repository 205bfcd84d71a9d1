package io.jerl.shell.certs;

import io.jerl.shell.ShellException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jerl certs init DIR} and {@code jerl certs node NAME@HOST DIR}: a cluster CA, and per node a certificate,
 * its key and an {@code ssl_dist.conf} that erl and jerl both read with
 * {@code -proto_dist inet_tls -ssl_dist_optfile DIR/NAME@HOST/ssl_dist.conf}.
 */
public final class CertsCommand {
    static final String CA_CERT = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    private static final int CA_DAYS = 3650;
    private static final int NODE_DAYS = 825;

    private CertsCommand() {
    }

    /** Runs {@code args} (after "certs"); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            List<String> words = new ArrayList<>(args);
            int days = days(words);
            if (words.size() == 2 && words.get(0).equals("init")) {
                init(Path.of(words.get(1)), days < 0 ? CA_DAYS : days, out);
                return 0;
            }
            if (words.size() == 3 && words.get(0).equals("node")) {
                node(words.get(1), Path.of(words.get(2)), days < 0 ? NODE_DAYS : days, out);
                return 0;
            }
            err.print(usage());
            return 2;
        } catch (ShellException e) {
            err.println("jerl certs: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("jerl certs: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                Usage: jerl certs init DIR               a cluster CA: DIR/ca.pem and DIR/ca-key.pem
                       jerl certs node NAME@HOST DIR     a certificate for that node, signed by DIR's CA, in
                                                         DIR/NAME@HOST/ with an ssl_dist.conf for erl and jerl
                       --days N                          how long the certificate is valid
                """;
    }

    private static void init(Path dir, int days, PrintStream out) throws IOException {
        Path cert = dir.resolve(CA_CERT);
        if (Files.exists(cert)) {
            throw new ShellException(cert + " exists already; a second CA would not trust the nodes of the first."
                    + " Remove it first to start a new cluster");
        }
        Files.createDirectories(dir);
        Instant now = Instant.now();
        ClusterCa.Issued ca = ClusterCa.newCa("jerl cluster CA " + dir.toAbsolutePath().normalize().getFileName(), now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(days)));
        ClusterCa.write(ca, cert, dir.resolve(CA_KEY));
        out.println("made the cluster CA: " + cert + " (certificate, give it to every node)");
        out.println("                     " + dir.resolve(CA_KEY) + " (its key, keep it here)");
        out.println("next, for each node: jerl certs node NAME@HOST " + dir);
    }

    private static void node(String node, Path dir, int days, PrintStream out) throws IOException {
        ClusterCa.Issued ca = ClusterCa.read(dir.resolve(CA_CERT), dir.resolve(CA_KEY));
        Instant now = Instant.now();
        ClusterCa.Issued issued = ClusterCa.newNode(ca, node, now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(days)));
        Path nodeDir = dir.resolve(node);
        Files.createDirectories(nodeDir);
        Path cert = nodeDir.resolve("cert.pem").toAbsolutePath();
        Path key = nodeDir.resolve("key.pem").toAbsolutePath();
        ClusterCa.write(issued, cert, key);
        Path conf = nodeDir.resolve("ssl_dist.conf").toAbsolutePath();
        Files.writeString(conf, SslDistConf.mutual(cert, key, dir.resolve(CA_CERT).toAbsolutePath()));
        String alive = node.substring(0, node.indexOf('@'));
        String host = node.substring(node.indexOf('@') + 1);
        String nameFlag = host.contains(".") ? "-name " + node : "-sname " + alive;
        out.println("made " + cert + " and " + key + " for " + node + ", signed by " + dir.resolve(CA_CERT));
        out.println("and " + conf);
        out.println("start the node on " + host + " with:");
        out.println("  erl  " + nameFlag + " -proto_dist inet_tls -ssl_dist_optfile " + conf);
        out.println("  jerl " + nameFlag + " -proto_dist inet_tls -ssl_dist_optfile " + conf);
    }

    /** Takes {@code --days N} out of {@code words}; -1 when absent. */
    private static int days(List<String> words) {
        int i = words.indexOf("--days");
        if (i < 0) {
            return -1;
        }
        if (i + 1 >= words.size()) {
            throw new ShellException("--days needs a number of days");
        }
        String v = words.remove(i + 1);
        words.remove(i);
        try {
            int d = Integer.parseInt(v);
            if (d <= 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ShellException("--days wants a positive whole number, got '" + v + "'");
        }
    }
}
