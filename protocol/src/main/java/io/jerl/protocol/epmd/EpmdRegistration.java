package io.jerl.protocol.epmd;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A name registered in EPMD. The registration lives exactly as long as its TCP connection to EPMD:
 * {@link #close()} unregisters the name by closing it, and if EPMD drops the connection the name is gone and the
 * {@link #onLost} hooks run.
 *
 * <p>If this registration started an {@link EmbeddedEpmd} (see {@link EpmdService#registerOrEmbed}), that server
 * stops when the registration ends.
 */
public final class EpmdRegistration implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EpmdRegistration.class);

    private final String alive;
    private final int distPort;
    private final boolean hidden;
    private final int creation;
    private final Channel channel;
    private final String epmdWhere;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final List<Runnable> lostHooks = new ArrayList<>();
    private boolean closedByUs;
    private boolean ended;
    private boolean lost;
    private EmbeddedEpmd embedded;

    EpmdRegistration(String alive, int distPort, boolean hidden, int creation, Channel channel, String epmdWhere) {
        this.alive = alive;
        this.distPort = distPort;
        this.hidden = hidden;
        this.creation = creation;
        this.channel = channel;
        this.epmdWhere = epmdWhere;
        channel.closeFuture().addListener(f -> ended());
    }

    /** The registered alive name (the part before {@code @}). */
    public String alive() {
        return alive;
    }

    /** The distribution port registered for it. */
    public int distPort() {
        return distPort;
    }

    public boolean hidden() {
        return hidden;
    }

    /**
     * The creation EPMD assigned: a 32-bit unsigned number (use {@link Integer#toUnsignedLong}) that goes into
     * every pid, port and reference the node makes. Real epmd never hands out 0.
     */
    public int creation() {
        return creation;
    }

    /** The open connection to EPMD that holds the registration. */
    public Channel channel() {
        return channel;
    }

    /** The EPMD address as {@code host:port}, for messages. */
    public String epmd() {
        return epmdWhere;
    }

    /** The local address of the registration connection (what EPMD sees as the peer). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Whether the name is still registered, as far as this side knows. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** The embedded EPMD this registration started and owns, if any. */
    public synchronized Optional<EmbeddedEpmd> embeddedEpmd() {
        return Optional.ofNullable(embedded);
    }

    /**
     * Runs {@code hook} if EPMD drops the registration connection without {@link #close()} being called (EPMD
     * stopped or restarted, or sent garbage). It runs at once if that already happened, and never after
     * {@link #close()}. Hooks run on a Netty event-loop thread and must not block.
     */
    public void onLost(Runnable hook) {
        synchronized (this) {
            if (!lost) {
                if (!ended) {
                    lostHooks.add(hook);
                }
                return;
            }
        }
        hook.run();
    }

    /** Completes when the connection is closed and any owned embedded EPMD has stopped. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture.thenApply(v -> v);
    }

    /**
     * Unregisters the name by closing the connection (and stops an owned embedded EPMD). Waits for that, up to
     * 10 s, unless called on a thread of the connection's event loop group.
     */
    @Override
    public void close() {
        closeAsync();
        for (EventExecutor e : channel.eventLoop().parent()) {
            if (e.inEventLoop()) {
                return;
            }
        }
        try {
            closeFuture.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("registration of {} did not close cleanly: {}", alive, e.toString());
        }
    }

    /** Unregisters without waiting; the future completes as {@link #closeFuture()} does. */
    public CompletableFuture<Void> closeAsync() {
        synchronized (this) {
            closedByUs = true;
        }
        channel.close();
        return closeFuture();
    }

    /** Hands this registration the embedded EPMD it started, to stop with it. */
    void own(EmbeddedEpmd server) {
        boolean alreadyEnded;
        synchronized (this) {
            alreadyEnded = ended;
            if (!alreadyEnded) {
                embedded = server;
            }
        }
        if (alreadyEnded) {
            server.closeAsync();
        }
    }

    private void ended() {
        List<Runnable> hooks;
        EmbeddedEpmd owned;
        boolean wasLost;
        synchronized (this) {
            ended = true;
            owned = embedded;
            wasLost = !closedByUs;
            lost = wasLost;
            hooks = wasLost ? new ArrayList<>(lostHooks) : List.of();
            lostHooks.clear();
        }
        if (wasLost) {
            LOG.warn("EPMD on {} dropped the registration of {} (port {}); other nodes cannot find it until it"
                    + " registers again", epmdWhere, alive, distPort);
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("an onLost hook of the EPMD registration of {} failed", alive, e);
            }
        }
        if (owned == null) {
            closeFuture.complete(null);
        } else {
            owned.closeAsync().whenComplete((v, e) -> closeFuture.complete(null));
        }
    }

    @Override
    public String toString() {
        return "EpmdRegistration[" + alive + " port " + distPort + (hidden ? " hidden" : "") + " creation "
                + Integer.toUnsignedString(creation) + " at " + epmdWhere + (isOpen() ? "" : ", closed") + "]";
    }
}
