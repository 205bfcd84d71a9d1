package io.jerl.shell.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.tls.TlsOptions;
import io.jerl.protocol.tls.TlsSettings;
import io.jerl.protocol.tls.TlsTransport;
import io.jerl.shell.CommandLine;
import io.jerl.shell.ShellException;
import io.jerl.shell.certs.ClusterCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** erl's ssl_dist options as jerl reads them: what it takes, what it refuses by name, what it never prints. */
class SslDistOptionsTest {
    @TempDir
    Path dir;

    private SslDistOptions read(String text) throws IOException {
        Path f = dir.resolve("ssl_dist.conf");
        Files.writeString(f, text);
        SslDistOptions o = new SslDistOptions();
        o.readFile(f);
        return o;
    }

    @Test
    void theFileJerlCertsWritesIsReadAsMutualTls() throws IOException {
        TlsCluster cluster = TlsCluster.create();
        TlsOptions o = TlsCluster.jerlOptions(cluster.node("car"));
        TlsSettings.Pem server = (TlsSettings.Pem) o.server();
        TlsSettings.Pem client = (TlsSettings.Pem) o.client();
        assertEquals(TlsSettings.Verify.VERIFY_PEER, server.verify());
        assertTrue(server.failIfNoPeerCert());
        assertEquals(TlsSettings.Verify.VERIFY_PEER, client.verify());
        assertTrue(Files.exists(client.certFile()) && Files.exists(client.keyFile()) && Files.exists(client.caCertFile()));
        assertEquals(TlsSettings.DEFAULT_DEPTH, client.depth());
        assertNull(client.serverNameIndication(), "the node name's host, as erl does");
        new TlsTransport(o, Duration.ofSeconds(1)); // the files load
    }

    @Test
    void erlSyntaxOfEveryKindOfValue() throws IOException {
        TlsOptions o = read("""
                %% a comment
                [{server, [{certfile, "/c.pem"}, {keyfile, "/k.pem"}, {versions, ['tlsv1.3', 'tlsv1.2']},
                           {ciphers, ["TLS_AES_256_GCM_SHA384"]}, {depth, 2}, {secure_renegotiate, true}]},
                 {client, [{verify, verify_peer}, {cacertfile, "/ca.pem"}, {server_name_indication, disable}]}].
                """).options();
        TlsSettings.Pem server = (TlsSettings.Pem) o.server();
        assertEquals(List.of("tlsv1.3", "tlsv1.2"), server.versions());
        assertEquals(List.of("TLS_AES_256_GCM_SHA384"), server.ciphers());
        assertEquals(2, server.depth());
        assertEquals(TlsSettings.Verify.VERIFY_NONE, server.verify(), "erl's default");
        assertEquals("disable", ((TlsSettings.Pem) o.client()).serverNameIndication());
    }

    @Test
    void optionsJerlDoesNotSupportAreNamed() {
        ShellException e = assertThrows(ShellException.class,
                () -> read("[{server, [{certfile, \"/c\"}, {dhfile, \"/dh.pem\"}]}]."));
        assertTrue(e.getMessage().contains("'dhfile'") && e.getMessage().contains("it supports"), e.getMessage());
        e = assertThrows(ShellException.class, () -> read("[{client, [{fail_if_no_peer_cert, true}]}]."));
        assertTrue(e.getMessage().contains("(it is a server option)"), e.getMessage());
        e = assertThrows(ShellException.class, () -> read("[{server, [{verify_fun, {fun ssl:f/3, []}}]}]."));
        assertTrue(e.getMessage().contains("verify_fun") || e.getMessage().contains("literal"), e.getMessage());
        e = assertThrows(ShellException.class, () -> read("[{server, [{secure_renegotiate, false}]}]."));
        assertTrue(e.getMessage().contains("renegotiates securely"), e.getMessage());
    }

    @Test
    void syntaxErrorsPointAtLineAndColumn() {
        ShellException e = assertThrows(ShellException.class, () -> read("[{server,\n  [{certfile \"x\"}]}]."));
        assertTrue(e.getMessage().matches(".*ssl_dist\\.conf:2:\\d+: syntax error.*"), e.getMessage());
    }

    @Test
    void commandLinePairsAsErlSpellsThem() {
        SslDistOptions o = new SslDistOptions();
        o.flag("server_certfile", "/c.pem");
        o.flag("server_verify", "verify_peer");
        o.flag("server_fail_if_no_peer_cert", "true");
        o.flag("server_cacertfile", "/ca.pem");
        o.flag("client_versions", "['tlsv1.3']");
        o.flag("client_depth", "3");
        TlsOptions t = o.options();
        assertTrue(((TlsSettings.Pem) t.server()).failIfNoPeerCert());
        assertEquals(List.of("tlsv1.3"), ((TlsSettings.Pem) t.client()).versions());
        assertEquals(3, ((TlsSettings.Pem) t.client()).depth());
        ShellException e = assertThrows(ShellException.class, () -> o.flag("certfile", "/x"));
        assertTrue(e.getMessage().contains("server_ or client_"), e.getMessage());
    }

    @Test
    void theKeyPasswordIsNeverPrinted() throws Exception {
        String password = "s3cret-Pa55word-for-the-key";
        Instant now = Instant.now();
        ClusterCa.Issued ca = ClusterCa.newCa("test CA", now.minusSeconds(60), now.plusSeconds(3600));
        ClusterCa.Issued node = ClusterCa.newNode(ca, "car@host", now.minusSeconds(60), now.plusSeconds(3600));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        ClusterCa.write(node, cert, key);
        Files.writeString(key, pem(new JcaPKCS8Generator(node.key(), new JceOpenSSLPKCS8EncryptorBuilder(
                PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .setPassword(password.toCharArray()).build()).generate()));
        Files.writeString(dir.resolve("ca.pem"), pem(ca.certificate()));
        TlsSettings.Pem right = TlsSettings.Pem.mutual(cert, key, dir.resolve("ca.pem")).withPassword(password);
        new TlsTransport(TlsOptions.mutual(right), Duration.ofSeconds(1)); // the encrypted key opens
        assertFalse(right.toString().contains(password), right.toString());

        TlsSettings.Pem wrong = right.withPassword("not-the-" + password);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new TlsTransport(TlsOptions.mutual(wrong), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("tls: cannot use the server certfile/keyfile"), e.getMessage());
        assertFalse(e.getMessage().contains(password), e.getMessage());

        ShellException typed = assertThrows(ShellException.class,
                () -> read("[{server, [{password, '" + password + "'}]}]."));
        assertFalse(typed.getMessage().contains(password), typed.getMessage());
    }

    @Test
    void theCommandLineWantsTlsFlagsTogether() {
        assertTrue(error("-sname", "a", "-proto_dist", "inet_tls").contains("-ssl_dist_optfile FILE"));
        assertTrue(error("-sname", "a", "-ssl_dist_optfile", "f").contains("need -proto_dist inet_tls"));
        assertTrue(error("-proto_dist", "inet_tl").contains("did you mean 'inet_tls'"));
        CommandLine cl = CommandLine.parse("-sname", "a", "-proto_dist", "inet_tls", "-ssl_dist_opt",
                "server_certfile", "/c", "client_certfile", "/c", "-hidden");
        assertTrue(cl.tls() && cl.hidden());
        assertEquals(List.of(java.util.Map.entry("server_certfile", "/c"), java.util.Map.entry("client_certfile", "/c")),
                cl.sslDistOpts());
    }

    private static String error(String... args) {
        return assertThrows(ShellException.class, () -> CommandLine.parse(args)).getMessage();
    }

    private static String pem(Object o) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter pw = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }
}
