package io.jerl.protocol.node;

import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.epmd.EpmdRegistration;
import io.jerl.protocol.epmd.EpmdService;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's name in EPMD. erl registers once and, if EPMD dies, stays unfindable by name until it
 * restarts; jerl instead registers again when EPMD comes back, retrying with a growing pause (from
 * {@link #FIRST_RETRY} up to {@link #MAX_RETRY}). Connections already made do not depend on EPMD and stay up.
 *
 * <p>Which EPMD it goes back to: if the lost registration was with an EPMD this node had embedded, the node
 * embeds one again (it was the host's EPMD, and nobody else will bring it back). If it was with a separate
 * EPMD, the node only ever registers with that one again and never takes its port, so the real epmd can be
 * restarted by whoever runs it (or, when it was another jerl's embedded EPMD, so the next jerl node started on
 * the port embeds one and everyone registers there). The creation stays the one the node started with: pids, references and the
 * handshake already carry it, and changing it would orphan every pid peers hold.
 */
final class EpmdPresence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EpmdPresence.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final EventLoopGroup group;
    private final EpmdClient client;
    private final String alive;
    private final int distPort;
    private final boolean hidden;
    private final int creation;
    private EpmdRegistration current;
    private boolean closed;

    private EpmdPresence(EventLoopGroup group, EpmdClient client, EpmdRegistration first, int distPort, boolean hidden) {
        this.group = group;
        this.client = client;
        this.alive = first.alive();
        this.distPort = distPort;
        this.hidden = hidden;
        this.creation = first.creation();
        this.current = first;
        watch(first);
    }

    /** Registers the name (embedding an EPMD if none runs) and keeps it registered until {@link #close()}. */
    static CompletableFuture<EpmdPresence> start(EventLoopGroup group, EpmdClient client, String alive, int distPort,
                                                 boolean hidden) {
        return EpmdService.registerOrEmbed(group, client.port(), alive, distPort, hidden)
                .thenApply(r -> new EpmdPresence(group, client, r, distPort, hidden));
    }

    /** The creation EPMD gave the first registration: the node's creation for its whole life. */
    int creation() {
        return creation;
    }

    /** Whether the name is registered right now. */
    synchronized boolean isRegistered() {
        return current != null && current.isOpen();
    }

    private void watch(EpmdRegistration r) {
        boolean embedded = r.embeddedEpmd().isPresent();
        r.onLost(() -> lost(r, embedded));
    }

    private void lost(EpmdRegistration r, boolean embedded) {
        synchronized (this) {
            if (closed || current != r) {
                return;
            }
            current = null;
        }
        log.warn("{} is no longer registered with EPMD on port {}; trying to register again{}", alive, client.port(),
                embedded ? " (starting an embedded EPMD again if none runs)" : " once that EPMD is back");
        retry(embedded, FIRST_RETRY, 1);
    }

    private void retry(boolean embed, Duration pause, int attempt) {
        try {
            group.schedule(() -> attempt(embed, pause, attempt), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("node stopping; no more attempts to register {}", alive);
        }
    }

    private void attempt(boolean embed, Duration pause, int attempt) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        CompletableFuture<EpmdRegistration> next = embed
                ? EpmdService.registerOrEmbed(group, client.port(), alive, distPort, hidden)
                : client.register(alive, distPort, hidden);
        next.whenComplete((r, error) -> {
            if (r == null) {
                Duration longer = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
                // The first failure and then every tenth, so a long EPMD outage does not flood the log.
                if (attempt == 1 || attempt % 10 == 0) {
                    log.info("registering {} with EPMD on port {} again failed (attempt {}): {}; next try in {} ms",
                            alive, client.port(), attempt, message(error), longer.toMillis());
                }
                retry(embed, longer, attempt + 1);
                return;
            }
            synchronized (this) {
                if (closed) {
                    r.closeAsync();
                    return;
                }
                current = r;
            }
            log.info("{} is registered with EPMD on port {} again (attempt {})", alive, client.port(), attempt);
            watch(r);
        });
    }

    private static String message(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c.getMessage() != null ? c.getMessage() : c.toString();
    }

    /** Unregisters and stops retrying. */
    @Override
    public void close() {
        EpmdRegistration r;
        synchronized (this) {
            closed = true;
            r = current;
            current = null;
        }
        if (r != null) {
            r.close();
        }
    }
}
