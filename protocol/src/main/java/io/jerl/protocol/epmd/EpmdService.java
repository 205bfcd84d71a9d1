package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import java.net.BindException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a jerl node gets its name into EPMD: use the EPMD on this host, or, if none runs, start an
 * {@link EmbeddedEpmd} in this JVM and register with that.
 *
 * <p><b>Lifetime of the embedded EPMD.</b> A real {@code epmd} is a daemon that outlives the nodes registered
 * with it. jerl's embedded EPMD instead lives exactly as long as the registration that started it: when that
 * registration is closed or lost (the jerl node stops or unregisters), the embedded server stops too. The
 * consequence: any other node that registered with it meanwhile, erl nodes included, loses its registration at
 * that moment and can no longer be found by name until it registers again with some EPMD (erl does not do that
 * by itself). Run a real {@code epmd -daemon} when nodes must outlive the jerl node that happened to start first.
 */
public final class EpmdService {
    private static final Logger LOG = LoggerFactory.getLogger(EpmdService.class);
    /** How often to go round "connect; no EPMD; bind; port taken" before giving up. */
    private static final int ATTEMPTS = 3;

    private EpmdService() {
    }

    /**
     * Registers {@code alive} at {@code distPort} with the EPMD on localhost:{@code epmdPort}, starting an embedded
     * EPMD on that port (all interfaces) first if nothing answers there. If another process takes the port between
     * the failed connect and the bind (another node starting at the same moment), registers with that one instead.
     */
    public static CompletableFuture<EpmdRegistration> registerOrEmbed(EventLoopGroup group, int epmdPort, String alive,
                                                                      int distPort, boolean hidden) {
        return registerOrEmbed(group, epmdPort, alive, distPort, hidden, EpmdClient.DEFAULT_TIMEOUT);
    }

    /** As {@link #registerOrEmbed(EventLoopGroup, int, String, int, boolean)}, with an EPMD client timeout. */
    public static CompletableFuture<EpmdRegistration> registerOrEmbed(EventLoopGroup group, int epmdPort, String alive,
                                                                      int distPort, boolean hidden, Duration timeout) {
        EpmdClient client;
        try {
            client = new EpmdClient(group, epmdPort, timeout);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<EpmdRegistration> result = new CompletableFuture<>();
        attempt(group, client, alive, distPort, hidden, 1, result);
        return result;
    }

    private static void attempt(EventLoopGroup group, EpmdClient client, String alive, int distPort, boolean hidden,
                                int attempt, CompletableFuture<EpmdRegistration> result) {
        client.register(alive, distPort, hidden).whenComplete((registration, error) -> {
            if (registration != null) {
                complete(result, registration);
                return;
            }
            Throwable cause = unwrap(error);
            if (!nothingListens(cause) || attempt >= ATTEMPTS) {
                result.completeExceptionally(cause);
                return;
            }
            int port = client.port();
            EmbeddedEpmd.startAsync(group, null, port).whenComplete((server, bindError) -> {
                if (server == null) {
                    Throwable bindCause = unwrap(bindError);
                    if (bindCause.getCause() instanceof BindException) {
                        LOG.info("port {} was taken while starting an embedded EPMD (another node started one);"
                                + " registering {} with it", port, alive);
                        attempt(group, client, alive, distPort, hidden, attempt + 1, result);
                    } else {
                        result.completeExceptionally(bindCause);
                    }
                    return;
                }
                LOG.info("no EPMD on port {}; started an embedded EPMD (it stops when {} unregisters)", port, alive);
                client.register(alive, distPort, hidden).whenComplete((ours, registerError) -> {
                    if (ours == null) {
                        server.closeAsync();
                        result.completeExceptionally(unwrap(registerError));
                        return;
                    }
                    ours.own(server);
                    complete(result, ours);
                });
            });
        });
    }

    private static void complete(CompletableFuture<EpmdRegistration> result, EpmdRegistration registration) {
        if (!result.complete(registration)) {
            registration.closeAsync(); // the caller cancelled meanwhile
        }
    }

    /** Whether a failed register means nothing listens on the port (so an embedded EPMD may take it). */
    private static boolean nothingListens(Throwable error) {
        Throwable cause = error instanceof ProtocolException ? error.getCause() : error;
        return cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
