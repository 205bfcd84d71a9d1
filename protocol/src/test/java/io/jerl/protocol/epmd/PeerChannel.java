package io.jerl.protocol.epmd;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;

/** An EmbeddedChannel whose peer and local addresses are chosen by the test, as one connection to an EPMD. */
final class PeerChannel extends EmbeddedChannel {
    private final SocketAddress remote;
    private final SocketAddress local;

    private PeerChannel(SocketAddress remote, SocketAddress local) {
        super(false, false);
        this.remote = remote;
        this.local = local;
    }

    /** A connection from {@code remote} that arrived at {@code local}, set up by {@code server}. */
    static EmbeddedChannel connect(EmbeddedEpmd server, SocketAddress remote, SocketAddress local) {
        PeerChannel ch = new PeerChannel(remote, local);
        server.initConnection(ch);
        try {
            ch.register();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return ch;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return isActive() ? remote : null;
    }

    @Override
    protected SocketAddress localAddress0() {
        return isActive() ? local : null;
    }
}
