package io.jerl.protocol.handshake;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.dist.DistPeer;
import io.jerl.protocol.dist.FrameDecoder;
import io.jerl.protocol.handshake.HandshakeListener.AcceptStatus;
import io.jerl.protocol.handshake.HandshakeMessage.Challenge;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeAck;
import io.jerl.protocol.handshake.HandshakeMessage.ChallengeReply;
import io.jerl.protocol.handshake.HandshakeMessage.Complement;
import io.jerl.protocol.handshake.HandshakeMessage.OldSendName;
import io.jerl.protocol.handshake.HandshakeMessage.SendName;
import io.jerl.protocol.handshake.HandshakeMessage.Status;
import io.jerl.protocol.term.Atom;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version-6 distribution handshake, as initiator or acceptor (erl_dist_protocol, "Distribution
 * Handshake"). Each step must arrive within the step timeout. On success the frame decoder switches to
 * 4-byte lengths and the node's connection handler replaces this one in the pipeline.
 */
public final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who we are in a handshake. The cookie is asked for late, per peer node name (erlang:set_cookie/2 sets one
     * for a single node), and never logged.
     */
    public record Identity(String nodeName, long flags, int creation, Function<String, String> cookie) {
        @Override
        public String toString() {
            return "Identity[" + nodeName + "]";
        }
    }

    private enum Step {
        AWAIT_NAME, AWAIT_ALIVE_CONFIRM, AWAIT_COMPLEMENT, AWAIT_REPLY, // acceptor
        AWAIT_STATUS, AWAIT_CHALLENGE, AWAIT_ACK,                        // initiator
        DONE
    }

    private final Identity self;
    private final String expectedPeer;
    private final boolean initiator;
    private final HandshakeListener listener;
    private final FrameDecoder frames;
    private final Duration stepTimeout;

    private Step step;
    private ScheduledFuture<?> timer;
    private String peerName;
    private long peerFlags;
    private int peerCreation;
    private int ourChallenge;
    private boolean outcomeReported;

    private HandshakeHandler(Identity self, String expectedPeer, HandshakeListener listener, FrameDecoder frames,
                             Duration stepTimeout) {
        this.self = self;
        this.expectedPeer = expectedPeer;
        this.initiator = expectedPeer != null;
        this.listener = listener;
        this.frames = frames;
        this.stepTimeout = stepTimeout;
        this.peerName = expectedPeer;
    }

    /** The handler for a connection we dialed to {@code peer}. */
    public static HandshakeHandler initiator(Identity self, String peer, HandshakeListener listener,
                                             FrameDecoder frames, Duration stepTimeout) {
        return new HandshakeHandler(self, peer, listener, frames, stepTimeout);
    }

    /** The handler for a connection a peer dialed to us. */
    public static HandshakeHandler acceptor(Identity self, HandshakeListener listener, FrameDecoder frames,
                                            Duration stepTimeout) {
        return new HandshakeHandler(self, null, listener, frames, stepTimeout);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (initiator) {
            send(ctx, new SendName(self.flags(), self.creation(), self.nodeName()));
            await(ctx, Step.AWAIT_STATUS);
        } else {
            await(ctx, Step.AWAIT_NAME);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            HandshakeMessage m = initiator ? HandshakeCodec.readAtInitiator(frame) : HandshakeCodec.readAtAcceptor(frame);
            if (initiator) {
                atInitiator(ctx, m);
            } else {
                atAcceptor(ctx, m);
            }
        } catch (ProtocolException e) {
            fail(ctx, "bad handshake message: " + e.getMessage());
        } finally {
            frame.release();
        }
    }

    private void atAcceptor(ChannelHandlerContext ctx, HandshakeMessage m) {
        if (step == Step.AWAIT_NAME && m instanceof SendName n) {
            learnPeer(n.name(), n.flags(), n.creation());
            admit(ctx, false);
        } else if (step == Step.AWAIT_NAME && m instanceof OldSendName n) {
            // OTP 23/24 may open with the version-5 name; only accept it from a node that knows 'c' follows.
            if (!DistFlags.has(n.flags(), DistFlags.HANDSHAKE_23)) {
                peerName = n.name();
                sendStatusAndFail(ctx, AcceptStatus.NOT_ALLOWED, "it uses the pre-OTP-23 handshake, which jerl does not speak");
                return;
            }
            learnPeer(n.name(), n.flags(), 0);
            admit(ctx, true);
        } else if (step == Step.AWAIT_ALIVE_CONFIRM && m instanceof Status s) {
            if (!"true".equals(s.status())) {
                fail(ctx, "it answered '" + s.status() + "' to 'alive': it keeps its existing connection");
                return;
            }
            listener.replaceExisting(ctx.channel(), peerName);
            sendChallenge(ctx);
        } else if (step == Step.AWAIT_COMPLEMENT && m instanceof Complement c) {
            peerFlags |= c.flagsHigh() << 32;
            peerCreation = c.creation();
            sendChallenge(ctx);
        } else if (step == Step.AWAIT_REPLY && m instanceof ChallengeReply r) {
            if (!Digest.matches(self.cookie().apply(peerName), ourChallenge, r.digest())) {
                log.error("** Connection attempt from node {} rejected. Invalid challenge reply. **", peerName);
                fail(ctx, "invalid challenge reply: the cookies differ");
                return;
            }
            send(ctx, new ChallengeAck(Digest.of(self.cookie().apply(peerName), r.challenge())));
            succeed(ctx);
        } else {
            fail(ctx, "unexpected " + m.getClass().getSimpleName() + " while waiting for " + step);
        }
    }

    private void learnPeer(String name, long flags, int creation) {
        peerName = name;
        peerFlags = flags;
        peerCreation = creation;
    }

    private void admit(ChannelHandlerContext ctx, boolean oldForm) {
        long missing = DistFlags.missingMandatory(peerFlags);
        if (missing != 0) {
            sendStatusAndFail(ctx, AcceptStatus.NOT_ALLOWED, "it lacks mandatory distribution flags 0x" + Long.toHexString(missing));
            return;
        }
        if (!validNodeName(peerName)) {
            sendStatusAndFail(ctx, AcceptStatus.NOT_ALLOWED, "'" + peerName + "' is not a node name");
            return;
        }
        AcceptStatus status = listener.admit(ctx.channel(), peerName, !DistFlags.has(peerFlags, DistFlags.PUBLISHED));
        switch (status) {
            case NOK, NOT_ALLOWED -> {
                send(ctx, new Status(status.wire));
                quietClose(ctx, "answered " + status.wire);
            }
            case ALIVE -> {
                send(ctx, new Status(status.wire));
                await(ctx, Step.AWAIT_ALIVE_CONFIRM);
            }
            default -> {
                send(ctx, new Status(status.wire));
                if (oldForm) {
                    await(ctx, Step.AWAIT_COMPLEMENT);
                } else {
                    sendChallenge(ctx);
                }
            }
        }
    }

    private void sendChallenge(ChannelHandlerContext ctx) {
        ourChallenge = RANDOM.nextInt();
        send(ctx, new Challenge(self.flags(), ourChallenge, self.creation(), self.nodeName()));
        await(ctx, Step.AWAIT_REPLY);
    }

    private void atInitiator(ChannelHandlerContext ctx, HandshakeMessage m) {
        if (step == Step.AWAIT_STATUS && m instanceof Status s) {
            switch (s.status()) {
                case "ok", "ok_simultaneous" -> await(ctx, Step.AWAIT_CHALLENGE);
                case "nok" -> {
                    outcomeReported = true;
                    listener.lostRace(ctx.channel(), peerName);
                    quietClose(ctx, "lost the race to the peer's own connection");
                }
                case "alive" -> {
                    // The peer still holds a connection from us. Go on only if we still want this one.
                    if (listener.stillWanted(ctx.channel(), peerName)) {
                        send(ctx, new Status("true"));
                        await(ctx, Step.AWAIT_CHALLENGE);
                    } else {
                        send(ctx, new Status("false"));
                        outcomeReported = true;
                        listener.lostRace(ctx.channel(), peerName);
                        quietClose(ctx, "already connected");
                    }
                }
                case "not_allowed" -> fail(ctx, "it refused us (not_allowed): it does not accept jerl's distribution flags");
                default -> fail(ctx, "it answered the unexpected status '" + s.status() + "'");
            }
        } else if (step == Step.AWAIT_CHALLENGE && m instanceof Challenge c) {
            if (!c.name().equals(expectedPeer)) {
                fail(ctx, "the node answering is " + c.name() + ", not " + expectedPeer);
                return;
            }
            long missing = DistFlags.missingMandatory(c.flags());
            if (missing != 0) {
                fail(ctx, "it lacks mandatory distribution flags 0x" + Long.toHexString(missing));
                return;
            }
            learnPeer(c.name(), c.flags(), c.creation());
            ourChallenge = RANDOM.nextInt();
            send(ctx, new ChallengeReply(ourChallenge, Digest.of(self.cookie().apply(peerName), c.challenge())));
            await(ctx, Step.AWAIT_ACK);
        } else if (step == Step.AWAIT_ACK && m instanceof ChallengeAck a) {
            if (!Digest.matches(self.cookie().apply(peerName), ourChallenge, a.digest())) {
                fail(ctx, "its challenge ack does not match our cookie: the cookies differ");
                return;
            }
            succeed(ctx);
        } else {
            fail(ctx, "unexpected " + m.getClass().getSimpleName() + " while waiting for " + step);
        }
    }

    private void succeed(ChannelHandlerContext ctx) {
        cancelTimer();
        step = Step.DONE;
        outcomeReported = true;
        DistPeer peer = new DistPeer(Atom.of(peerName), self.flags() & peerFlags, peerCreation);
        ChannelHandler next = listener.established(ctx.channel(), peer, initiator);
        if (next == null) {
            ctx.close();
            return;
        }
        frames.switchToConnected();
        ctx.pipeline().replace(this, "dist", next);
    }

    private void sendStatusAndFail(ChannelHandlerContext ctx, AcceptStatus status, String reason) {
        send(ctx, new Status(status.wire));
        log.warn("refused a connection from {}: {}", peerName, reason);
        fail(ctx, reason);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        cancelTimer();
        step = Step.DONE;
        if (!outcomeReported) {
            outcomeReported = true;
            listener.failed(ctx.channel(), peerName, initiator, reason);
        }
        ctx.close();
    }

    private void quietClose(ChannelHandlerContext ctx, String why) {
        cancelTimer();
        step = Step.DONE;
        log.debug("handshake with {} ended: {}", peerName, why);
        if (!outcomeReported && !initiator) {
            outcomeReported = true;
            listener.failed(ctx.channel(), peerName, false, why);
        }
        ctx.close();
    }

    private void await(ChannelHandlerContext ctx, Step next) {
        cancelTimer();
        step = next;
        timer = ctx.executor().schedule(() -> {
            if (step == next) {
                fail(ctx, "timed out after " + stepTimeout.toMillis() + " ms waiting for " + describe(next));
            }
        }, stepTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String describe(Step s) {
        return switch (s) {
            case AWAIT_NAME -> "the peer's name";
            case AWAIT_ALIVE_CONFIRM -> "the answer to 'alive'";
            case AWAIT_COMPLEMENT -> "the complement of an OTP 23 name";
            case AWAIT_REPLY -> "the challenge reply";
            case AWAIT_STATUS -> "the status";
            case AWAIT_CHALLENGE -> "the challenge";
            case AWAIT_ACK -> "the challenge ack";
            case DONE -> "nothing";
        };
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void send(ChannelHandlerContext ctx, HandshakeMessage m) {
        ByteBuf buf = ctx.alloc().buffer(64);
        int width = frames.handshakeWidth();
        buf.writeZero(width);
        HandshakeCodec.write(m, buf);
        if (width == 2) {
            buf.setShort(0, buf.writerIndex() - 2);
        } else {
            buf.setInt(0, buf.writerIndex() - 4);
        }
        ctx.writeAndFlush(buf);
    }

    private static boolean validNodeName(String name) {
        int at = name.indexOf('@');
        return at > 0 && at < name.length() - 1 && name.indexOf('@', at + 1) < 0;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (step != Step.DONE) {
            String reason = switch (step) {
                case AWAIT_ACK -> "it closed the connection instead of acknowledging our challenge reply:"
                        + " the cookies differ (check -setcookie or ~/.erlang.cookie on both nodes)";
                case AWAIT_STATUS -> "it closed the connection before answering our name";
                default -> "the connection closed while waiting for " + describe(step);
            };
            fail(ctx, reason);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() instanceof ProtocolException ? cause.getCause() : cause;
        fail(ctx, root.getMessage() == null ? root.toString() : root.getMessage());
        if (!(root instanceof ProtocolException) && !(root instanceof IOException)) {
            ctx.fireExceptionCaught(cause); // a bug of jerl's, not the peer's: Netty logs it with its stack trace
        }
    }
}
