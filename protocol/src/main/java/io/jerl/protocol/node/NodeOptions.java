package io.jerl.protocol.node;

import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.tls.TlsOptions;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How a node runs. The defaults are erl's: EPMD on 4369 (or {@code ERL_EPMD_PORT}), any listen port,
 * net_ticktime 60 s, visible, 7 s per handshake step.
 *
 * @param epmdPort         where EPMD listens on every host
 * @param listenMin        lowest distribution port ({@code inet_dist_listen_min}); 0 for any
 * @param listenMax        highest distribution port ({@code inet_dist_listen_max})
 * @param bindAddress      the interface to listen on ({@code inet_dist_use_interface}); null for all
 * @param netTickTime      {@code net_ticktime}: a peer silent this long is declared down
 * @param hidden           a hidden node ({@code -hidden}) is not in others' {@code nodes()}
 * @param handshakeTimeout the limit for each handshake step
 * @param maxFrameBytes    the largest distribution frame accepted from a peer
 * @param tls              distribution over TLS ({@code -proto_dist inet_tls}), or null for plain TCP
 */
public record NodeOptions(int epmdPort, int listenMin, int listenMax, InetAddress bindAddress, Duration netTickTime,
                          boolean hidden, Duration handshakeTimeout, int maxFrameBytes, TlsOptions tls) {
    public static NodeOptions defaults() {
        return new NodeOptions(EpmdClient.defaultPort(), 0, 0, null, Duration.ofSeconds(60), false,
                Duration.ofSeconds(7), 128 << 20, null);
    }

    public NodeOptions withEpmdPort(int port) {
        return new NodeOptions(port, listenMin, listenMax, bindAddress, netTickTime, hidden, handshakeTimeout, maxFrameBytes, tls);
    }

    public NodeOptions withListenRange(int min, int max) {
        return new NodeOptions(epmdPort, min, max, bindAddress, netTickTime, hidden, handshakeTimeout, maxFrameBytes, tls);
    }

    public NodeOptions withBindAddress(InetAddress address) {
        return new NodeOptions(epmdPort, listenMin, listenMax, address, netTickTime, hidden, handshakeTimeout, maxFrameBytes, tls);
    }

    public NodeOptions withNetTickTime(Duration d) {
        return new NodeOptions(epmdPort, listenMin, listenMax, bindAddress, d, hidden, handshakeTimeout, maxFrameBytes, tls);
    }

    public NodeOptions withHidden(boolean h) {
        return new NodeOptions(epmdPort, listenMin, listenMax, bindAddress, netTickTime, h, handshakeTimeout, maxFrameBytes, tls);
    }

    public NodeOptions withHandshakeTimeout(Duration d) {
        return new NodeOptions(epmdPort, listenMin, listenMax, bindAddress, netTickTime, hidden, d, maxFrameBytes, tls);
    }

    public NodeOptions withMaxFrameBytes(int max) {
        return new NodeOptions(epmdPort, listenMin, listenMax, bindAddress, netTickTime, hidden, handshakeTimeout, max, tls);
    }

    public NodeOptions withTls(TlsOptions t) {
        return new NodeOptions(epmdPort, listenMin, listenMax, bindAddress, netTickTime, hidden, handshakeTimeout, maxFrameBytes, t);
    }
}
