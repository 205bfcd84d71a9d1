package io.jerl.protocol.handshake;

import io.jerl.protocol.dist.DistPeer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

/** The node's side of a handshake: who may connect, and what happens when a handshake ends. */
public interface HandshakeListener {
    /** The acceptor's answer to a node that wants in: ok, ok_simultaneous, nok or alive (see {@link AcceptStatus}). */
    AcceptStatus admit(Channel channel, String peerName, boolean peerHidden);

    /**
     * An initiator was answered 'alive' (the peer still holds a connection from us): true to go on, which
     * replaces that connection, when this dial is still wanted; false when we are connected already.
     */
    boolean stillWanted(Channel channel, String peerName);

    /** After 'alive', the initiator confirmed it is a new incarnation: drop the old connection to it. */
    void replaceExisting(Channel channel, String peerName);

    /**
     * The handshake succeeded. Returns the handler that takes over the channel, or null to refuse
     * (the node is stopping). Runs on the channel's event loop.
     */
    ChannelHandler established(Channel channel, DistPeer peer, boolean initiator);

    /** The handshake on {@code channel} failed; {@code peerName} is null when an acceptor never learnt it. */
    void failed(Channel channel, String peerName, boolean initiator, String reason);

    /** An initiator was told 'nok': the peer's own connection to us wins the race and will complete instead. */
    void lostRace(Channel channel, String peerName);

    enum AcceptStatus {
        OK("ok"), OK_SIMULTANEOUS("ok_simultaneous"), NOK("nok"), ALIVE("alive"), NOT_ALLOWED("not_allowed");

        final String wire;

        AcceptStatus(String wire) {
            this.wire = wire;
        }
    }
}
