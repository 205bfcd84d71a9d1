package io.jerl.protocol.dist;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One established distribution connection. Reads frames (a zero length is a tick; otherwise 112, the control
 * term and maybe a payload term) and hands each control message to the node. Writes are encoded on the
 * sender's thread and flushed once per batch rather than per message. Ticks keep the link alive both ways:
 * something is written every quarter of net_ticktime, and a peer silent for a whole net_ticktime is declared
 * down, as erl does.
 *
 * <p><b>Back-pressure.</b> As erl suspends a process sending on a busy distribution port, a sender here waits
 * once more than {@link #BUSY_LIMIT_BYTES} of its frames are queued and not yet handed to the socket, until the
 * queue is down to half that (or the connection closes). The queue only moves to the socket while the socket's
 * own buffer is under the same limit, so a peer that stops reading holds at most about twice the limit here, not
 * every frame a fast sender makes. Network threads never wait: their sends are queued regardless.
 */
public final class DistConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DistConnection.class);
    private static final int PASS_THROUGH = 112;
    private static final int VERSION = 131;
    /** erl's default distribution buffer busy limit ({@code +zdbbl}, 1024 KB). */
    public static final int BUSY_LIMIT_BYTES = 1 << 20;

    private final Channel channel;
    private final DistPeer peer;
    private final DistHandler handler;
    private final TermDecoder decoder;
    private final long tickTimeNanos;
    /** Frames waiting for the event loop; one drain task writes them all and flushes once. */
    private final Queue<ByteBuf> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    /** Bytes of the frames in {@link #outbound}. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile int waitingSenders;
    private volatile boolean wroteSinceTick;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile String closeReason;
    private ScheduledFuture<?> ticker;

    public DistConnection(Channel channel, DistPeer peer, DistHandler handler, TermDecoder decoder, Duration netTickTime) {
        this.channel = channel;
        this.peer = peer;
        this.handler = handler;
        this.decoder = decoder;
        this.tickTimeNanos = netTickTime.toNanos();
    }

    public DistPeer peer() {
        return peer;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Starts ticking; called once the handler is in the pipeline. */
    public void start() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(BUSY_LIMIT_BYTES / 2, BUSY_LIMIT_BYTES));
        long interval = Math.max(1, tickTimeNanos / 4);
        ticker = channel.eventLoop().scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> ticker.cancel(false));
    }

    /** Sends a control message with its payload (null when the op has none). Safe from any thread. */
    public void send(ControlMessage message, Term payload) {
        // Most messages fit in 256 bytes; starting smaller costs a reallocation and copy per frame.
        ByteBuf buf = channel.alloc().ioBuffer(256);
        try {
            buf.writeInt(0);
            buf.writeByte(PASS_THROUGH);
            TermEncoder.encode(message.toTuple(), buf);
            if (payload != null) {
                TermEncoder.encode(payload, buf);
            }
            buf.setInt(0, buf.writerIndex() - 4);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        write(buf);
    }

    /** Bytes queued by senders and not yet handed to the socket. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    private void write(ByteBuf frame) {
        wroteSinceTick = true;
        long queued = queuedBytes.addAndGet(frame.readableBytes());
        outbound.add(frame);
        scheduleDrain();
        if (queued > BUSY_LIMIT_BYTES && mayWait()) {
            awaitRoom();
        }
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drainTask);
        }
    }

    /** A thread of any event loop must never wait: it may be the one that would drain this or another queue. */
    private boolean mayWait() {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            return false;
        }
        EventLoopGroup group = loop.parent();
        if (group != null) {
            for (EventExecutor e : group) {
                if (e.inEventLoop()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Blocks the sender until the queue is down to half the busy limit or the connection is gone. */
    private void awaitRoom() {
        roomLock.lock();
        try {
            waitingSenders++;
            while (queuedBytes.get() > BUSY_LIMIT_BYTES / 2 && channel.isOpen()) {
                // Timed, so a wake-up lost to a race costs a moment, never a hang.
                room.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the frame is queued already; the caller sees the interrupt
        } finally {
            waitingSenders--;
            roomLock.unlock();
        }
    }

    private void wakeSenders() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    /**
     * Writes queued frames while the socket's buffer is under the busy limit, then flushes once. The flag is
     * cleared before polling, so a frame added after that point schedules another drain, and a frame added before
     * it is taken by this one: none can be left unflushed. Frames held back for a full socket move when it drains
     * ({@link #channelWritabilityChanged}). (Writing straight to the channel from other threads and flushing from
     * a separate task could leave the last frame behind the flush.)
     */
    private void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            dropQueued(); // sent after the connection went down: erl drops those too
            return;
        }
        long moved = 0;
        ByteBuf frame;
        while (channel.isWritable() && (frame = outbound.poll()) != null) {
            moved += frame.readableBytes();
            channel.write(frame, channel.voidPromise());
        }
        if (moved > 0) {
            channel.flush();
            if (queuedBytes.addAndGet(-moved) <= BUSY_LIMIT_BYTES / 2 && waitingSenders > 0) {
                wakeSenders();
            }
        }
    }

    private void dropQueued() {
        ByteBuf unsent;
        while ((unsent = outbound.poll()) != null) {
            queuedBytes.addAndGet(-unsent.readableBytes());
            unsent.release();
        }
        wakeSenders();
    }

    /** The socket took its buffer below the low mark: what waits in the queue may move on. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable() && !outbound.isEmpty()) {
            scheduleDrain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void tick() {
        long silent = System.nanoTime() - lastReadNanos;
        if (silent > tickTimeNanos) {
            close("not responding: nothing heard for " + TimeUnit.NANOSECONDS.toMillis(silent)
                    + " ms (net_ticktime " + TimeUnit.NANOSECONDS.toMillis(tickTimeNanos) + " ms)");
            return;
        }
        if (!wroteSinceTick) {
            channel.writeAndFlush(channel.alloc().buffer(4).writeInt(0), channel.voidPromise());
        }
        wroteSinceTick = false;
    }

    /** Closes the connection; the node hears of it once, with this reason. */
    public void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        channel.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        lastReadNanos = System.nanoTime();
        try {
            if (frame.isReadable()) {
                readFrame(frame);
            }
        } catch (ProtocolException e) {
            log.warn("closing the connection to {}: malformed frame: {}", peer.name().name(), e.getMessage());
            close("malformed frame: " + e.getMessage());
        } finally {
            frame.release();
        }
    }

    private void readFrame(ByteBuf frame) {
        int first = frame.readUnsignedByte();
        if (first != PASS_THROUGH) {
            throw new ProtocolException("frame starts with " + first + (first == VERSION
                    ? " (a distribution header: atom cache or fragments, which were not negotiated)"
                    : ", expected 112"));
        }
        Term control = decoder.decode(frame);
        Term payload = frame.isReadable() ? decoder.decode(frame) : null;
        if (frame.isReadable()) {
            throw new ProtocolException(frame.readableBytes() + " bytes left after the control message and payload");
        }
        ControlMessage message = ControlMessages.parse(control, payload);
        if (message instanceof ControlMessage.Unknown u) {
            log.info("ignoring a control message from {} that jerl does not handle: {}", peer.name().name(), u.raw());
            return;
        }
        handler.controlMessage(this, message, payload);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() instanceof ProtocolException ? cause.getCause() : cause;
        log.warn("closing the connection to {}: {}", peer.name().name(), root.getMessage());
        close(root.getMessage());
        if (!(root instanceof ProtocolException) && !(root instanceof IOException)) {
            ctx.fireExceptionCaught(cause); // a bug of jerl's, not the peer's: Netty logs it with its stack trace
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        dropQueued();
        handler.closed(this, closeReason != null ? closeReason : "connection closed by peer");
    }

    @Override
    public String toString() {
        return "DistConnection[" + peer.name().name() + "]";
    }
}
