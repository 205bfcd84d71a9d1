package io.jerl.protocol.tls;

import io.jerl.protocol.ProtocolException;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An {@link SslContext} built from {@link TlsSettings.Pem} files, with the bytes it was built from, so a later
 * connection can tell whether the files changed on disk, and the subject of the certificate it presents.
 */
final class PemContext {
    private static final Set<String> VERSIONS = Set.of("tlsv1.2", "tlsv1.3");

    private final SslContext context;
    private final byte[][] files;
    private final String subject;

    private PemContext(SslContext context, byte[][] files, String subject) {
        this.context = context;
        this.files = files;
        this.subject = subject;
    }

    SslContext context() {
        return context;
    }

    String subject() {
        return subject;
    }

    /** Reads the certificate, key and CA files, in that order (null for one not configured). */
    static byte[][] read(TlsSettings.Pem pem) {
        return new byte[][] {read(pem.certFile(), "certfile"), read(pem.keyFile(), "keyfile"),
                read(pem.caCertFile(), "cacertfile")};
    }

    boolean sameFiles(byte[][] now) {
        return Arrays.deepEquals(files, now);
    }

    /** Builds from what {@link #read} returned; {@code server} builds the accepting side. */
    static PemContext build(TlsSettings.Pem pem, boolean server, byte[][] files) {
        byte[] cert = files[0];
        byte[] key = files[1] != null ? files[1] : cert;
        byte[] ca = files[2];
        String side = server ? "server" : "client";
        if (server && cert == null) {
            throw new ProtocolException("tls: the " + side + " settings need a certfile: a TLS node must present a certificate");
        }
        String subject = "no certificate";
        try {
            SslContextBuilder b;
            if (cert != null) {
                List<X509Certificate> chain = certificates(cert, side + " certfile " + pem.certFile());
                subject = PeerTrust.subject(chain.get(0));
                b = server ? SslContextBuilder.forServer(new ByteArrayInputStream(cert), new ByteArrayInputStream(key),
                        pem.password()) : SslContextBuilder.forClient().keyManager(new ByteArrayInputStream(cert),
                        new ByteArrayInputStream(key), pem.password());
            } else {
                b = SslContextBuilder.forClient();
            }
            if (pem.verify() == TlsSettings.Verify.VERIFY_PEER) {
                if (ca == null) {
                    throw new ProtocolException("tls: " + side + " verify_peer needs a cacertfile: the CA that signs the peers' certificates");
                }
                b.trustManager(trust(certificates(ca, side + " cacertfile " + pem.caCertFile()), pem.depth()));
                if (server) {
                    b.clientAuth(pem.failIfNoPeerCert() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
                }
            } else {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
                if (server) {
                    b.clientAuth(ClientAuth.NONE);
                }
            }
            b.protocols(protocols(pem.versions(), side));
            if (!pem.ciphers().isEmpty()) {
                b.ciphers(ciphers(pem.ciphers(), side));
            }
            return new PemContext(b.build(), files, subject);
        } catch (ProtocolException e) {
            throw e;
        } catch (Exception e) {
            // Netty's key reader says "password" when the key cannot be decrypted; it never echoes the password.
            throw new ProtocolException("tls: cannot use the " + side + " certfile/keyfile (" + pem.certFile() + ", "
                    + pem.keyFile() + "): " + rootMessage(e));
        }
    }

    private static byte[] read(Path p, String what) {
        if (p == null) {
            return null;
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ProtocolException("tls: cannot read the " + what + " " + p + ": " + rootMessage(e));
        }
    }

    private static List<X509Certificate> certificates(byte[] pem, String what) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new ProtocolException("tls: the " + what + " holds no certificate");
            }
            return certs;
        } catch (java.security.cert.CertificateException e) {
            throw new ProtocolException("tls: the " + what + " is not a PEM certificate file: " + rootMessage(e));
        }
    }

    /** PKIX over exactly the configured CAs, at most {@code depth} intermediates, no revocation lookups (erl does none by default). */
    private static TrustManager trust(List<X509Certificate> cas, int depth) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        PKIXBuilderParameters params = new PKIXBuilderParameters(store, new X509CertSelector());
        params.setRevocationEnabled(false);
        params.setMaxPathLength(depth);
        TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
        f.init(new CertPathTrustManagerParameters(params));
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509ExtendedTrustManager x) {
                return new PeerTrust(x);
            }
        }
        throw new CertPathBuilderException("the JDK offers no X.509 trust manager");
    }

    private static String[] protocols(List<String> versions, String side) {
        if (versions.isEmpty()) {
            return new String[] {"TLSv1.3", "TLSv1.2"};
        }
        List<String> out = new ArrayList<>();
        for (String v : versions) {
            if (!VERSIONS.contains(v)) {
                throw new ProtocolException("tls: " + side + " versions: jerl supports 'tlsv1.2' and 'tlsv1.3', not '" + v + "'");
            }
            out.add("TLSv1." + v.charAt(v.length() - 1));
        }
        return out.toArray(String[]::new);
    }

    private static List<String> ciphers(List<String> wanted, String side) throws Exception {
        Set<String> known = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        List<String> unknown = new ArrayList<>();
        for (String c : wanted) {
            if (!known.contains(c)) {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProtocolException("tls: " + side + " ciphers: the JDK does not know " + unknown
                    + "; give IANA names such as TLS_AES_256_GCM_SHA384 or TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
        return wanted;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
