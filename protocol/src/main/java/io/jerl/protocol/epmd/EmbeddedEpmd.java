package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EPMD server inside the JVM, for hosts without a real {@code epmd}. It answers ALIVE2_REQ (ALIVE2_X_RESP to
 * version-6 clients, ALIVE2_RESP to older ones), PORT_PLEASE2_REQ and NAMES_REQ byte for byte as real epmd does,
 * keeps a name while its registration connection stays open, and refuses a taken name with result 1.
 *
 * <p>As real epmd does, it accepts registrations only from this host: the peer must be a loopback address or
 * the very address the connection arrived on. A registration from elsewhere is dropped (the connection is
 * closed without an answer) and the reason is logged. Lookups and NAMES are served to anyone.
 *
 * <p>Not served: DUMP_REQ, KILL_REQ and STOP_REQ ({@code epmd -kill} and friends); such connections are closed.
 */
public final class EmbeddedEpmd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEpmd.class);
    /** How long a connection may take to send its request before it is closed (real epmd waits 60 s). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Creation sent with a refusal, as real epmd does. */
    private static final int REFUSED_CREATION = 99;
    private static final EpmdReplyEncoder REPLY_ENCODER = new EpmdReplyEncoder();

    private final EventLoopGroup group;
    private final EpmdRegistry registry = new EpmdRegistry();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final Duration requestTimeout;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile Channel serverChannel;
    private volatile int port;
    private volatile Consumer<String> rejectionListener = reason -> { };

    private EmbeddedEpmd(EventLoopGroup group, int port, Duration requestTimeout) {
        this.group = group;
        this.port = port;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Starts an EPMD listening on {@code bindAddr:port} and waits until it listens. {@code bindAddr} null means
     * every interface, as real epmd does (other hosts must reach it to look nodes up); port 0 picks a free port.
     * Must not be called on a thread of {@code group}; use {@link #startAsync} there.
     *
     * @throws ProtocolException if the port is taken or cannot be bound
     */
    public static EmbeddedEpmd start(EventLoopGroup group, InetAddress bindAddr, int port) {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                throw new IllegalStateException("EmbeddedEpmd.start blocks; on an event loop use startAsync");
            }
        }
        try {
            return startAsync(group, bindAddr, port).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProtocolException pe) {
                throw pe;
            }
            throw new ProtocolException("cannot start an embedded EPMD on port " + port + ": " + e.getCause(),
                    e.getCause());
        }
    }

    /** Like {@link #start} without blocking: the future completes once the server listens. */
    public static CompletableFuture<EmbeddedEpmd> startAsync(EventLoopGroup group, InetAddress bindAddr, int port) {
        return startAsync(group, bindAddr, port, DEFAULT_REQUEST_TIMEOUT, NioServerSocketChannel.class);
    }

    /**
     * The full form: {@code requestTimeout} bounds how long a connection may take to send its request, and
     * {@code channelType} must fit {@code group} (e.g. {@code NioServerSocketChannel} for a {@code NioEventLoopGroup}).
     */
    public static CompletableFuture<EmbeddedEpmd> startAsync(EventLoopGroup group, InetAddress bindAddr, int port,
                                                            Duration requestTimeout,
                                                            Class<? extends ServerChannel> channelType) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(channelType, "channelType");
        if (port < 0 || port > 0xFFFF) {
            return CompletableFuture.failedFuture(
                    new ProtocolException("cannot start an embedded EPMD on port " + port + ": not a TCP port"));
        }
        EmbeddedEpmd server = new EmbeddedEpmd(group, port, requestTimeout);
        InetSocketAddress address = bindAddr == null ? new InetSocketAddress(port) : new InetSocketAddress(bindAddr, port);
        CompletableFuture<EmbeddedEpmd> result = new CompletableFuture<>();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        server.initConnection(ch);
                    }
                });
        bootstrap.bind(address).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                server.closeFuture.complete(null);
                result.completeExceptionally(bindFailure(address, f.cause()));
                return;
            }
            Channel ch = f.channel();
            server.serverChannel = ch;
            server.port = ((InetSocketAddress) ch.localAddress()).getPort();
            ch.closeFuture().addListener(c -> server.closeAsync());
            LOG.info("embedded EPMD listening on {}", ch.localAddress());
            result.complete(server);
        });
        return result;
    }

    private static ProtocolException bindFailure(InetSocketAddress address, Throwable cause) {
        String where = (address.getAddress().isAnyLocalAddress() ? "port " : address.getAddress().getHostAddress() + ":")
                + address.getPort();
        if (cause instanceof BindException) {
            return new ProtocolException("cannot start an embedded EPMD on " + where
                    + ": the port is already in use (another EPMD or another program listens there)", cause);
        }
        return new ProtocolException("cannot start an embedded EPMD on " + where + ": " + cause, cause);
    }

    /** A server with no socket, whose connections a test builds itself through {@link #initConnection}. */
    static EmbeddedEpmd detached(int advertisedPort) {
        return new EmbeddedEpmd(null, advertisedPort, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The port this EPMD listens on (and announces in NAMES replies). */
    public int port() {
        return port;
    }

    /** The address the server socket is bound to. */
    public Optional<InetSocketAddress> localAddress() {
        Channel ch = serverChannel;
        return ch == null ? Optional.empty() : Optional.of((InetSocketAddress) ch.localAddress());
    }

    /** The registered names, newest first: what a NAMES request would list. */
    public List<RegisteredNode> names() {
        return registry.names();
    }

    public boolean isOpen() {
        return !closing.get();
    }

    /** Reports every connection closed because of bad input, for tests. */
    void onConnectionRejected(Consumer<String> listener) {
        this.rejectionListener = Objects.requireNonNull(listener);
    }

    /** Sets up one accepted connection. */
    void initConnection(Channel ch) {
        connections.add(ch);
        ch.closeFuture().addListener(f -> connections.remove(ch));
        if (closing.get()) {
            ch.close();
            return;
        }
        ch.pipeline().addLast("epmd-decoder", new EpmdRequestDecoder());
        ch.pipeline().addLast("epmd-encoder", REPLY_ENCODER);
        ch.pipeline().addLast("epmd-server", new ConnectionHandler());
    }

    /**
     * Whether a connection comes from this host, by real epmd's rule: a loopback peer, or a peer whose address is
     * the address the connection arrived on. In-VM ({@link LocalAddress}) peers are local.
     */
    static boolean isLocalPeer(SocketAddress remote, SocketAddress local) {
        if (remote instanceof LocalAddress) {
            return true;
        }
        if (!(remote instanceof InetSocketAddress r) || r.getAddress() == null) {
            return false;
        }
        InetAddress peer = r.getAddress();
        if (peer.isLoopbackAddress()) {
            return true;
        }
        return local instanceof InetSocketAddress l && l.getAddress() != null && peer.equals(l.getAddress());
    }

    /**
     * Stops listening and closes every connection, which unregisters every node registered here. Waits for that
     * (up to 10 s) unless called on one of the server's event loop threads.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        if (group == null) {
            return;
        }
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return;
            }
        }
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded EPMD on port {} did not close cleanly: {}", port, e.toString());
        }
    }

    /** Starts closing; the future completes when the listener and every connection are closed. */
    public CompletableFuture<Void> closeAsync() {
        if (closing.compareAndSet(false, true)) {
            Channel listener = serverChannel;
            if (listener == null) {
                closeConnections();
            } else {
                listener.close().addListener(f -> closeConnections());
            }
        }
        return closeFuture.thenApply(v -> v);
    }

    private void closeConnections() {
        List<CompletableFuture<Void>> closes = new ArrayList<>();
        for (Channel ch : connections) {
            CompletableFuture<Void> c = new CompletableFuture<>();
            ch.close().addListener(f -> c.complete(null));
            closes.add(c);
        }
        CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (serverChannel != null) {
                LOG.info("embedded EPMD on port {} stopped", port);
            }
            closeFuture.complete(null);
        });
    }

    /** One connection: reads its single request and answers it. */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {
        private ScheduledFuture<?> timer;
        private boolean rejected;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                startTimer(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            startTimer(ctx);
            ctx.fireChannelActive();
        }

        private void startTimer(ChannelHandlerContext ctx) {
            if (timer == null) {
                timer = ctx.executor().schedule(
                        () -> reject(ctx, "no complete request within " + requestTimeout.toMillis() + " ms"),
                        requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void stopTimer() {
            if (timer != null) {
                timer.cancel(false);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            stopTimer();
            if (msg instanceof Alive2Request r) {
                alive(ctx, r);
            } else if (msg instanceof PortPlease2Request r) {
                EpmdReply reply = registry.lookup(r.name())
                        .<EpmdReply>map(e -> Port2Reply.found(e.request()))
                        .orElse(Port2Reply.notFound(1));
                ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
            } else if (msg instanceof NamesRequest) {
                ctx.writeAndFlush(new NamesReply(port, registry.names())).addListener(ChannelFutureListener.CLOSE);
            } else {
                ReferenceCountUtil.release(msg);
                reject(ctx, "unexpected message " + msg);
            }
        }

        private void alive(ChannelHandlerContext ctx, Alive2Request r) {
            Channel ch = ctx.channel();
            if (!isLocalPeer(ch.remoteAddress(), ch.localAddress())) {
                reject(ctx, "ignoring ALIVE2_REQ for " + r.name() + " from non-local address " + ch.remoteAddress()
                        + ": only nodes on this host may register");
                return;
            }
            boolean extended = r.highestVersion() >= EpmdProtocol.DIST_VERSION;
            EpmdRegistry.Entry entry = registry.register(r, ch);
            if (entry == null) {
                LOG.info("refused to register {} (port {}) for {}: the name is already registered", r.name(),
                        r.port(), ch.remoteAddress());
                ctx.writeAndFlush(new Alive2Reply(1, REFUSED_CREATION, extended))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            LOG.debug("registered {} at port {} (type {}, versions {}..{}, creation {})", r.name(), r.port(),
                    r.nodeType(), r.lowestVersion(), r.highestVersion(), Integer.toUnsignedString(entry.creation()));
            ctx.writeAndFlush(new Alive2Reply(0, entry.creation(), extended))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stopTimer();
            registry.unregister(ctx.channel()).ifPresent(e -> LOG.debug("unregistered {} (port {})",
                    e.request().name(), e.request().port()));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (c instanceof IOException) {
                LOG.debug("EPMD connection from {} failed: {}", ctx.channel().remoteAddress(), c.toString());
                ctx.close();
                return;
            }
            reject(ctx, c instanceof ProtocolException ? c.getMessage() : c.toString());
            if (!(c instanceof ProtocolException)) {
                ctx.fireExceptionCaught(cause); // a bug of jerl's, not the client's: Netty logs it with its stack trace
            }
        }

        private void reject(ChannelHandlerContext ctx, String reason) {
            if (rejected) {
                return;
            }
            rejected = true;
            LOG.warn("closing EPMD connection from {}: {}", ctx.channel().remoteAddress(), reason);
            try {
                rejectionListener.accept(reason);
            } finally {
                ctx.close();
            }
        }
    }
}
