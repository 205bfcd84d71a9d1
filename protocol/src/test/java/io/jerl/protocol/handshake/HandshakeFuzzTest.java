package io.jerl.protocol.handshake;

import static io.jerl.fuzz.FuzzChecks.expectProtocolError;
import static io.jerl.fuzz.FuzzChecks.feed;
import static io.jerl.fuzz.FuzzChecks.withAllocationBound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jerl.protocol.dist.DistPeer;
import io.jerl.protocol.dist.FrameDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;

/**
 * Arbitrary bytes from a peer during the handshake, in both roles: {@link FrameDecoder} (2-byte lengths) and
 * {@link HandshakeHandler}. {@code data[0]} picks the role (bit 7: initiator), the node's answer to the peer's name
 * (bits 4-6: ok, ok_simultaneous, nok, alive, not_allowed; for the initiator, whether the dial is still wanted)
 * and how the rest is split into reads (bits 0-3). The handshake may end in any way except an exception other
 * than a {@code ProtocolException}. Seeds: what a real erl sent jerl in each role (see
 * {@code io.jerl.fuzz.CorpusCapture}); the cookie there is {@link #COOKIE}, so a seed can get past the digests
 * only in the acceptor role, where jerl's challenge is random.
 */
class HandshakeFuzzTest {
    static final String COOKIE = "fuzzcookie";
    static final String SELF = "jerl@fuzz";
    static final String PEER = "erl@fuzz";

    @FuzzTest
    void peerBytes(byte[] data) {
        if (data.length == 0) {
            return;
        }
        withAllocationBound(data.length, 64, 4 << 20, () -> run(data));
    }

    private static void run(byte[] data) {
        int choice = data[0] & 0xFF;
        boolean initiator = (choice & 0x80) != 0;
        HandshakeListener.AcceptStatus[] statuses = HandshakeListener.AcceptStatus.values();
        Listener listener = new Listener(statuses[((choice >> 4) & 7) % statuses.length], (choice & 0x10) != 0);
        EmbeddedChannel channel = new EmbeddedChannel();
        FrameDecoder frames = new FrameDecoder(4096, 1 << 20);
        HandshakeHandler.Identity self = new HandshakeHandler.Identity(SELF, DistFlags.JERL_DEFAULT | DistFlags.PUBLISHED, 7, peer -> COOKIE);
        Duration step = Duration.ofSeconds(5);
        channel.pipeline().addLast("frames", frames);
        channel.pipeline().addLast("handshake", initiator
                ? HandshakeHandler.initiator(self, PEER, listener, frames, step)
                : HandshakeHandler.acceptor(self, listener, frames, step));
        channel.pipeline().fireChannelActive();
        try {
            feed(channel, data, 1, choice & 0x0F);
        } catch (RuntimeException e) {
            expectProtocolError(e);
        }
    }

    /** The node's side, answering from the fuzz input's choices. */
    private static final class Listener implements HandshakeListener {
        private final AcceptStatus status;
        private final boolean stillWanted;

        Listener(AcceptStatus status, boolean stillWanted) {
            this.status = status;
            this.stillWanted = stillWanted;
        }

        @Override
        public AcceptStatus admit(Channel channel, String peerName, boolean peerHidden) {
            return status;
        }

        @Override
        public boolean stillWanted(Channel channel, String peerName) {
            return stillWanted;
        }

        @Override
        public void replaceExisting(Channel channel, String peerName) {
        }

        @Override
        public ChannelHandler established(Channel channel, DistPeer peer, boolean initiator) {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ReferenceCountUtil.release(msg);
                }
            };
        }

        @Override
        public void failed(Channel channel, String peerName, boolean initiator, String reason) {
        }

        @Override
        public void lostRace(Channel channel, String peerName) {
        }
    }
}
