package io.jerl.protocol.tls;

import java.util.Objects;

/**
 * Distribution over TLS ({@code -proto_dist inet_tls}): how this node accepts ({@code server}) and how it dials
 * ({@code client}), as the two halves of erl's {@code ssl_dist.conf}. EPMD stays plain TCP; the TLS session is
 * set up on the distribution socket before the version-6 handshake, which then runs inside it.
 *
 * @param server the settings for connections other nodes dial to us
 * @param client the settings for connections we dial
 */
public record TlsOptions(TlsSettings server, TlsSettings client) {
    public TlsOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
    }

    /** The same PEM files for both directions, as a node certificate signed by the cluster CA usually is. */
    public static TlsOptions mutual(TlsSettings.Pem both) {
        return new TlsOptions(both, both);
    }
}
