package io.jerl.protocol.tls;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One direction's TLS settings: PEM files read (and re-read when they change) by jerl, or a ready context. */
public sealed interface TlsSettings {

    /** Whether the other side's certificate is checked ({@code verify_peer}) or not ({@code verify_none}). */
    enum Verify { VERIFY_PEER, VERIFY_NONE }

    /**
     * Settings in erl's terms. Files are read when a connection is made, so replacing them on disk (a rotated
     * Kubernetes secret) takes effect for the next connection without a restart.
     *
     * @param certFile          {@code certfile}: our certificate chain (PEM), or null to present none
     * @param keyFile           {@code keyfile}: its private key (PEM, PKCS#8; PKCS#1/SEC1 need BouncyCastle on
     *                          the class path); null means the key is in {@code certFile}
     * @param password          {@code password}: the key's password, or null; never printed
     * @param caCertFile        {@code cacertfile}: the CAs a peer certificate must chain to (PEM)
     * @param verify            {@code verify}
     * @param failIfNoPeerCert  {@code fail_if_no_peer_cert}: a server with {@code verify_peer} refuses a client
     *                          that presents no certificate
     * @param versions          {@code versions}, as erl writes them ({@code tlsv1.2}, {@code tlsv1.3}); empty for
     *                          the defaults (1.2 and 1.3)
     * @param ciphers           {@code ciphers}: IANA suite names ({@code TLS_AES_256_GCM_SHA384}); empty for the
     *                          defaults
     * @param depth             {@code depth}: how many intermediate CAs may follow the peer certificate
     * @param serverNameIndication {@code server_name_indication} for a client: the host name the server
     *                          certificate must carry; null for the host part of the node name, as erl does;
     *                          {@code "disable"} turns the host-name check off
     */
    record Pem(Path certFile, Path keyFile, String password, Path caCertFile, Verify verify,
               boolean failIfNoPeerCert, List<String> versions, List<String> ciphers, int depth,
               String serverNameIndication) implements TlsSettings {
        public Pem {
            Objects.requireNonNull(verify, "verify");
            versions = List.copyOf(versions);
            ciphers = List.copyOf(ciphers);
            if (depth < 0) {
                throw new IllegalArgumentException("depth must be 0 or more, got " + depth);
            }
        }

        /** Mutual TLS: our certificate and key, peers checked against {@code caCertFile} and made to show one. */
        public static Pem mutual(Path certFile, Path keyFile, Path caCertFile) {
            return new Pem(certFile, keyFile, null, caCertFile, Verify.VERIFY_PEER, true, List.of(), List.of(),
                    DEFAULT_DEPTH, null);
        }

        public Pem withPassword(String p) {
            return new Pem(certFile, keyFile, p, caCertFile, verify, failIfNoPeerCert, versions, ciphers, depth,
                    serverNameIndication);
        }

        public Pem withVersions(List<String> v) {
            return new Pem(certFile, keyFile, password, caCertFile, verify, failIfNoPeerCert, v, ciphers, depth,
                    serverNameIndication);
        }

        public Pem withServerNameIndication(String sni) {
            return new Pem(certFile, keyFile, password, caCertFile, verify, failIfNoPeerCert, versions, ciphers,
                    depth, sni);
        }

        /** The password stays out of every log line and error text, so it is left out here too. */
        @Override
        public String toString() {
            return "Pem[certfile=" + certFile + ", keyfile=" + keyFile + ", password=" + (password == null ? "none" : "(set)")
                    + ", cacertfile=" + caCertFile + ", verify=" + verify + ", fail_if_no_peer_cert=" + failIfNoPeerCert
                    + ", versions=" + versions + ", ciphers=" + ciphers + ", depth=" + depth
                    + ", server_name_indication=" + serverNameIndication + "]";
        }
    }

    /** erl's default {@code depth}. */
    int DEFAULT_DEPTH = 10;

    /**
     * A context the embedding program built itself (any provider). jerl adds nothing to it: the program's trust
     * managers do all checking, and {@code hostnameCheck} asks the engine to match the peer's host name.
     */
    record Context(SslContext context, boolean hostnameCheck) implements TlsSettings {
        public Context {
            Objects.requireNonNull(context, "context");
        }
    }
}
