package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to an EPMD (real or {@link EmbeddedEpmd}) on a given port: registers a node, looks one up, lists names.
 *
 * <p>Every call returns at once with a {@link CompletableFuture}. Futures complete on a thread of the
 * {@link EventLoopGroup} given here, so dependent stages must not block; use the {@code ...Async} variants with
 * an executor of your choice for anything slow. Connecting and each reply are bounded by the timeout given to
 * the constructor. Failures are {@link ProtocolException}s whose message names the EPMD and the fix.
 */
public final class EpmdClient {
    private static final Logger LOG = LoggerFactory.getLogger(EpmdClient.class);
    /** The default bound on connecting to EPMD and on waiting for each reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final ChannelHandler REQUEST_ENCODER = new EpmdRequestEncoder();

    private final EventLoopGroup group;
    private final int port;
    private final Duration timeout;
    private final Class<? extends Channel> channelType;

    /** A client of the EPMD on {@code port} (see {@link #defaultPort()}), with {@link #DEFAULT_TIMEOUT}. */
    public EpmdClient(EventLoopGroup group, int port) {
        this(group, port, DEFAULT_TIMEOUT);
    }

    public EpmdClient(EventLoopGroup group, int port, Duration timeout) {
        this(group, port, timeout, NioSocketChannel.class);
    }

    /** {@code channelType} must fit {@code group}, e.g. {@code NioSocketChannel} for a {@code NioEventLoopGroup}. */
    public EpmdClient(EventLoopGroup group, int port, Duration timeout, Class<? extends Channel> channelType) {
        this.group = Objects.requireNonNull(group, "group");
        if (port < 1 || port > 0xFFFF) {
            throw new ProtocolException("EPMD port " + port + " is not a TCP port (1-65535)");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("EPMD timeout must be positive and under 24 days, got " + timeout);
        }
        this.port = port;
        this.timeout = timeout;
        this.channelType = Objects.requireNonNull(channelType, "channelType");
    }

    /** The EPMD port erl would use: the {@code ERL_EPMD_PORT} environment variable if set, else 4369. */
    public static int defaultPort() {
        return portFrom(System.getenv("ERL_EPMD_PORT"));
    }

    /** Reads an {@code ERL_EPMD_PORT} value: unset or blank means 4369, anything but a port number is an error. */
    static int portFrom(String value) {
        if (value == null || value.isBlank()) {
            return EpmdProtocol.DEFAULT_PORT;
        }
        String v = value.trim();
        try {
            int p = Integer.parseInt(v);
            if (p >= 1 && p <= 0xFFFF) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new ProtocolException("ERL_EPMD_PORT is \"" + value + "\", which is not a TCP port number (1-65535);"
                + " unset it to use 4369");
    }

    /** The EPMD port this client talks to. */
    public int port() {
        return port;
    }

    /**
     * Registers {@code alive} (the part of the node name before {@code @}) with the EPMD on this host as listening
     * on {@code distPort}, as a normal node (type 77) or a hidden one (72), distribution version 6 only. The future
     * holds the open registration; it fails if the name is taken, if no EPMD answers, or on a timeout.
     */
    public CompletableFuture<EpmdRegistration> register(String alive, int distPort, boolean hidden) {
        Alive2Request request;
        try {
            checkAlive(alive, "cannot register");
            if (distPort < 1 || distPort > 0xFFFF) {
                throw new ProtocolException("cannot register " + alive + ": distribution port " + distPort
                        + " is not a TCP port (1-65535)");
            }
            request = Alive2Request.of(alive, distPort, hidden);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        InetSocketAddress epmd = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        String where = "localhost:" + port;
        ReplyHandler<Alive2Reply> handler = exchange(epmd, where, request, new Alive2ReplyDecoder(),
                Alive2Reply.class, "ALIVE2_REQ for " + alive);
        CompletableFuture<EpmdRegistration> result = new CompletableFuture<>();
        handler.reply.whenComplete((reply, error) -> {
            Channel ch = handler.channel;
            if (error != null) {
                result.completeExceptionally(error);
                closeQuietly(ch);
            } else if (!reply.ok()) {
                closeQuietly(ch);
                result.completeExceptionally(new ProtocolException("the name " + alive
                        + " is already registered in EPMD on " + where + " (is another node called " + alive + "@"
                        + LocalHost.shortName() + " running?)"));
            } else {
                EpmdRegistration registration = new EpmdRegistration(alive, distPort, hidden, reply.creation(), ch,
                        where);
                handler.registration = registration;
                LOG.debug("registered {} at port {} with EPMD on {} (creation {})", alive, distPort, where,
                        Integer.toUnsignedString(reply.creation()));
                if (!result.complete(registration)) {
                    registration.closeAsync(); // the caller gave up (cancelled) meanwhile
                }
            }
        });
        result.whenComplete((r, e) -> {
            if (e != null) {
                closeQuietly(handler.channel);
            }
        });
        return result;
    }

    /**
     * Asks the EPMD on {@code host} where the node {@code alive}@{@code host} listens. Empty when EPMD does not
     * know the name.
     */
    public CompletableFuture<Optional<NodeAddress>> portPlease(String host, String alive) {
        try {
            checkHost(host);
            checkAlive(alive, "cannot look up a node");
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        String where = host + ":" + port;
        ReplyHandler<Port2Reply> handler = exchange(InetSocketAddress.createUnresolved(host, port), where,
                new PortPlease2Request(alive), new Port2ReplyDecoder(), Port2Reply.class,
                "PORT_PLEASE2_REQ for " + alive);
        return handler.reply.whenComplete((r, e) -> closeQuietly(handler.channel))
                .thenApply(r -> r.found()
                        ? Optional.of(new NodeAddress(host, alive, r.port(), r.nodeType(), r.protocol(),
                        r.highestVersion(), r.lowestVersion()))
                        : Optional.empty());
    }

    /** Lists the names registered with the EPMD on {@code host} and their ports, in EPMD's order. */
    public CompletableFuture<List<RegisteredNode>> names(String host) {
        try {
            checkHost(host);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        String where = host + ":" + port;
        ReplyHandler<NamesReply> handler = exchange(InetSocketAddress.createUnresolved(host, port), where,
                NamesRequest.INSTANCE, new NamesReplyDecoder(), NamesReply.class, "NAMES_REQ");
        return handler.reply.whenComplete((r, e) -> closeQuietly(handler.channel)).thenApply(NamesReply::names);
    }

    private static void checkAlive(String alive, String what) {
        EpmdText.encodeName(alive, what);
        if (alive.indexOf('@') >= 0) {
            throw new ProtocolException(what + ": EPMD takes the alive part of a node name (foo for foo@host), got "
                    + alive);
        }
    }

    private static void checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw new ProtocolException("no host given to find its EPMD");
        }
    }

    /** Connects, sends {@code request} and returns the handler whose future gets the reply. */
    private <R> ReplyHandler<R> exchange(InetSocketAddress remote, String where, EpmdRequest request,
                                         ChannelHandler decoder, Class<R> replyType, String what) {
        ReplyHandler<R> handler = new ReplyHandler<>(replyType, where, what, timeout);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(REQUEST_ENCODER, decoder, handler);
                    }
                });
        ChannelFuture connect;
        try {
            connect = bootstrap.connect(remote);
        } catch (RuntimeException e) {
            handler.reply.completeExceptionally(connectFailure(remote, where, e));
            return handler;
        }
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                handler.reply.completeExceptionally(connectFailure(remote, where, f.cause()));
                closeQuietly(f.channel());
                return;
            }
            Channel ch = f.channel();
            handler.startTimer(ch);
            ch.writeAndFlush(request).addListener((ChannelFuture w) -> {
                if (!w.isSuccess()) {
                    Throwable c = w.cause();
                    handler.reply.completeExceptionally(c instanceof ProtocolException pe ? pe
                            : new ProtocolException("could not send " + what + " to EPMD on " + where + ": " + c, c));
                    closeQuietly(ch);
                }
            });
        });
        return handler;
    }

    private ProtocolException connectFailure(InetSocketAddress remote, String where, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new ProtocolException("no EPMD answers on " + where + ": connecting timed out after "
                    + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof ConnectException) {
            return new ProtocolException("no EPMD answers on " + where + " (connection refused); start one with"
                    + " `epmd -daemon`, or check ERL_EPMD_PORT", cause);
        }
        if (cause instanceof java.net.SocketException && String.valueOf(cause.getMessage()).contains("reset")) {
            // An EPMD that is just closing resets connections still in its accept queue: nobody serves there.
            return new ProtocolException("no EPMD answers on " + where + " (connection reset while connecting);"
                    + " start one with `epmd -daemon`, or check ERL_EPMD_PORT", cause);
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new ProtocolException("cannot find the EPMD of host " + remote.getHostString()
                    + ": the host name does not resolve", cause);
        }
        return new ProtocolException("cannot connect to EPMD on " + where + ": " + cause, cause);
    }

    private static void closeQuietly(Channel ch) {
        if (ch != null) {
            ch.close();
        }
    }

    /** Completes its future with the first reply of the expected type, or with the first failure. */
    private static final class ReplyHandler<R> extends ChannelInboundHandlerAdapter {
        final CompletableFuture<R> reply = new CompletableFuture<>();
        private final Class<R> type;
        private final String where;
        private final String what;
        private final Duration timeout;
        volatile Channel channel;
        volatile EpmdRegistration registration;
        private ScheduledFuture<?> timer;

        ReplyHandler(Class<R> type, String where, String what, Duration timeout) {
            this.type = type;
            this.where = where;
            this.what = what;
            this.timeout = timeout;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            channel = ctx.channel();
        }

        void startTimer(Channel ch) {
            timer = ch.eventLoop().schedule(() -> {
                if (reply.completeExceptionally(new ProtocolException("EPMD on " + where + " did not answer " + what
                        + " within " + timeout.toMillis() + " ms"))) {
                    ch.close();
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            reply.whenComplete((r, e) -> timer.cancel(false));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (type.isInstance(msg)) {
                reply.complete(type.cast(msg));
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            ProtocolException pe = new ProtocolException("EPMD on " + where + " answered " + what + " wrongly: "
                    + c.getMessage(), c);
            if (!reply.completeExceptionally(pe)) {
                if (registration != null) {
                    LOG.warn("closing the EPMD registration connection of {}: {}", registration.alive(), pe.getMessage());
                } else {
                    LOG.debug("after the reply: {}", pe.getMessage());
                }
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            // A decoder may still raise the precise error right after this event; let that win.
            ProtocolException closed = new ProtocolException("EPMD on " + where
                    + " closed the connection without answering " + what);
            try {
                ctx.executor().execute(() -> reply.completeExceptionally(closed));
            } catch (RejectedExecutionException shuttingDown) {
                reply.completeExceptionally(closed);
            }
            ctx.fireChannelInactive();
        }
    }

    /** This host's short name, as erl's {@code -sname} uses it, for messages. */
    private static final class LocalHost {
        private static volatile String cached;

        static String shortName() {
            String name = cached;
            if (name == null) {
                try {
                    name = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    name = "localhost";
                }
                int dot = name.indexOf('.');
                if (dot > 0 && !Character.isDigit(name.charAt(0))) {
                    name = name.substring(0, dot);
                }
                cached = name;
            }
            return name;
        }
    }
}
