package io.jerl.protocol.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * TLS under the distribution handshake, as erl's inet_tls_dist: an {@link SslHandler} first in the pipeline and
 * a {@link TlsGate} after it, so the version-6 handshake and the framed connection run inside the TLS session.
 * EPMD is not touched: it stays plain TCP, as in OTP.
 */
public final class TlsTransport {
    private final ContextSource server;
    private final ContextSource client;
    private final Duration handshakeTimeout;

    /** Reads and checks the PEM files now, so a node with unusable files does not start. */
    public TlsTransport(TlsOptions options, Duration handshakeTimeout) {
        this.server = new ContextSource(options.server(), true);
        this.client = new ContextSource(options.client(), false);
        this.handshakeTimeout = handshakeTimeout;
    }

    /** For a connection a peer dialed to us. */
    public void addAcceptor(Channel ch) {
        SslHandler ssl = server.current().newHandler(ch.alloc());
        add(ch.pipeline(), ssl, null);
    }

    /** For a connection we dial to {@code peerNode} on {@code host}: the server certificate must name that host. */
    public void addInitiator(Channel ch, String peerNode, String host) {
        String serverName = client.serverName(host);
        SslHandler ssl = client.current().newHandler(ch.alloc(), serverName, -1);
        if (client.hostnameCheck()) {
            SSLEngine engine = ssl.engine();
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(p);
        }
        add(ch.pipeline(), ssl, peerNode);
    }

    private void add(ChannelPipeline p, SslHandler ssl, String peerNode) {
        ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        p.addFirst("tls-gate", new TlsGate(peerNode, handshakeTimeout));
        p.addFirst("tls", ssl);
    }

    /** What a connection's TLS session negotiated, or null for a plain-TCP connection. */
    public static TlsSession session(Channel ch) {
        SslHandler ssl = ch.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return null;
        }
        SSLSession s = ssl.engine().getSession();
        String peer = null;
        try {
            Certificate[] chain = s.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                peer = PeerTrust.subject(x);
            }
        } catch (SSLPeerUnverifiedException none) {
            // the peer presented no certificate (a client under verify_none)
        }
        String protocol = s.getProtocol().toLowerCase(java.util.Locale.ROOT); // TLSv1.3 -> tlsv1.3, as erl writes it
        return new TlsSession(protocol, s.getCipherSuite(), peer);
    }
}
