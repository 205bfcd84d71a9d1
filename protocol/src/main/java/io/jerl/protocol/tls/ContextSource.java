package io.jerl.protocol.tls;

import io.jerl.protocol.ProtocolException;
import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One direction's context. PEM files are read again for every new connection (a few small files, next to a TLS
 * handshake's cost); when they changed, a new context serves the connections from then on, and live ones keep
 * theirs. This is how a rotated Kubernetes secret or cert-manager renewal reaches jerl without a restart.
 */
final class ContextSource {
    private static final Logger log = LoggerFactory.getLogger(ContextSource.class);

    private final TlsSettings settings;
    private final boolean server;
    private PemContext loaded;

    ContextSource(TlsSettings settings, boolean server) {
        this.settings = settings;
        this.server = server;
        if (settings instanceof TlsSettings.Pem pem) {
            loaded = PemContext.build(pem, server, PemContext.read(pem)); // bad files fail the node's start
        }
    }

    /** The context for a new connection. */
    synchronized SslContext current() {
        if (!(settings instanceof TlsSettings.Pem pem)) {
            return ((TlsSettings.Context) settings).context();
        }
        byte[][] now;
        try {
            now = PemContext.read(pem);
        } catch (ProtocolException e) {
            log.warn("{}; keeping the certificate loaded before", e.getMessage());
            return loaded.context();
        }
        if (!loaded.sameFiles(now)) {
            try {
                String before = loaded.subject();
                loaded = PemContext.build(pem, server, now);
                log.info("tls: the {} certificate files changed: new connections present {} (was {}); live connections keep theirs",
                        server ? "server" : "client", loaded.subject(), before);
            } catch (ProtocolException e) {
                // A rotation caught half-way (key written, certificate not yet) is tried again by the next connection.
                log.warn("{}; keeping the certificate loaded before", e.getMessage());
            }
        }
        return loaded.context();
    }

    boolean hostnameCheck() {
        if (settings instanceof TlsSettings.Pem p) {
            return p.verify() == TlsSettings.Verify.VERIFY_PEER && !"disable".equals(p.serverNameIndication());
        }
        return ((TlsSettings.Context) settings).hostnameCheck();
    }

    /** The host name the server's certificate must carry: the configured one, else the node name's host. */
    String serverName(String nodeHost) {
        return settings instanceof TlsSettings.Pem p && p.serverNameIndication() != null
                && !"disable".equals(p.serverNameIndication()) ? p.serverNameIndication() : nodeHost;
    }
}
