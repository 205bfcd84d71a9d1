package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.dist.ControlMessage;
import io.jerl.protocol.dist.ControlMessage.AliasSend;
import io.jerl.protocol.dist.ControlMessage.AltactSigSend;
import io.jerl.protocol.dist.ControlMessage.RegSend;
import io.jerl.protocol.dist.ControlMessage.Send;
import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.dist.FrameDecoder;
import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.handshake.HandshakeHandler;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.format.IoFormat;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.tls.TlsTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A distributed Erlang node in this JVM: it listens for other nodes, registers with EPMD, dials peers on
 * demand, and runs local processes ({@link Mailbox}es) that exchange messages with processes anywhere in the
 * cluster. It answers {@code net_kernel}'s {@code is_auth}, so {@code net_adm:ping/1} from erl gets pong.
 */
public final class Node implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom IS_AUTH = Atom.of("is_auth");
    private static final Atom YES = Atom.of("yes");
    private static final int MAX_PID_ID = (1 << 28) - 1;

    private final NodeName nodeName;
    private final Atom name;
    private final NodeOptions options;
    private final EventLoopGroup group;
    private final EpmdClient epmdClient;
    private final Connections connections;
    /** TLS under the distribution handshake ({@code -proto_dist inet_tls}); null for plain TCP. */
    private final TlsTransport tls;
    private final Signals signals;
    private final Spawner spawner;
    private final FunctionTable functions = new FunctionTable();
    private final TermDecoder termDecoder = TermDecoder.DEFAULT;
    private final Map<Integer, LocalProcess> processes = new ConcurrentHashMap<>();
    private final Map<Atom, LocalProcess> registry = new ConcurrentHashMap<>();
    private final Map<Atom, Boolean> hiddenByPeer = new ConcurrentHashMap<>();
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private final AtomicInteger nextPidId = new AtomicInteger(1);
    private final AtomicInteger pidSerial = new AtomicInteger();
    private final AtomicLong nextRef = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1 << 20));
    private volatile String cookie;
    /** Cookies set for single peers with erlang:set_cookie/2; the others use {@link #cookie}. */
    private final Map<Atom, String> peerCookies = new ConcurrentHashMap<>();
    private volatile int creation;
    private volatile HandshakeHandler.Identity identity;
    private GroupLeader groupLeader;
    private Channel listener;
    private EpmdPresence epmd;
    private volatile boolean closed;

    private Node(NodeName nodeName, String cookie, NodeOptions options) {
        // First: unusable certificate files fail the start before any thread exists.
        this.tls = options.tls() == null ? null : new TlsTransport(options.tls(), options.handshakeTimeout());
        this.nodeName = nodeName;
        this.name = nodeName.atom();
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.options = options;
        this.group = new NioEventLoopGroup(0, new DefaultThreadFactory("jerl-io", true));
        this.epmdClient = new EpmdClient(group, options.epmdPort());
        this.connections = new Connections(this);
        this.signals = new Signals(this, connections);
        this.spawner = new Spawner(this, connections);
        this.events = Executors.newSingleThreadExecutor(new DefaultThreadFactory("jerl-events", true));
    }

    /**
     * Starts a node: binds the distribution listener (in the option's port range), registers the name with
     * EPMD (starting an embedded EPMD if none runs), and starts the built-in services.
     *
     * @throws ProtocolException when the name is taken, no port in the range is free, or EPMD fails
     */
    public static Node start(NodeName name, String cookie, NodeOptions options) {
        Node node = new Node(name, cookie, options);
        try {
            node.listen();
            node.register();
            node.startServices();
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /**
     * Starts a node that is not distributed, as erl without {@code -sname}/{@code -name}: named
     * {@code nonode@nohost}, with local processes, names, links and monitors, but no listener, no EPMD
     * registration and no connections ({@link #connect} is false for every other node).
     */
    public static Node startLocal(NodeOptions options) {
        Node node = new Node(new NodeName("nonode", "nohost"), "nocookie", options);
        node.startServices();
        return node;
    }

    /** erlang:is_alive/0: whether this node is distributed (started by {@link #start}). */
    public boolean isAlive() {
        return identity != null;
    }

    private void listen() {
        ServerBootstrap sb = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        FrameDecoder frames = newFrameDecoder();
                        ch.pipeline().addLast("frames", frames).addLast("handshake",
                                HandshakeHandler.acceptor(identity, connections, frames, options.handshakeTimeout()));
                        if (tls != null) {
                            tls.addAcceptor(ch);
                        }
                    }
                });
        int min = options.listenMin();
        int max = Math.max(min, options.listenMax() == 0 && min != 0 ? min : options.listenMax());
        Throwable last = null;
        for (int port = min; port <= max; port++) {
            InetSocketAddress at = options.bindAddress() == null
                    ? new InetSocketAddress(port) : new InetSocketAddress(options.bindAddress(), port);
            try {
                listener = sb.bind(at).sync().channel();
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        throw new ProtocolException(min == 0 ? "cannot listen for distribution: " + last
                : "no free port in " + min + ".." + max + " for the distribution listener (inet_dist_listen_min/max): " + last);
    }

    private void register() {
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        try {
            epmd = EpmdPresence.start(group, epmdClient, nodeName.alive(), port, options.hidden())
                    .get(options.handshakeTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProtocolException pe) {
                throw pe;
            }
            throw new ProtocolException("cannot register " + name.name() + " with EPMD: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ProtocolException("EPMD on port " + options.epmdPort() + " did not answer the registration of "
                    + name.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while registering with EPMD");
        }
        creation = epmd.creation();
        long flags = DistFlags.JERL_DEFAULT | (options.hidden() ? 0 : DistFlags.PUBLISHED);
        identity = new HandshakeHandler.Identity(name.name(), flags, creation, peer -> cookie(Atom.of(peer)));
        log.info("node {} is up: distribution port {}, EPMD port {}, creation {}", name.name(), port,
                options.epmdPort(), creation);
    }

    private void startServices() {
        spawnService("net_kernel", this::netKernel);
        Rex.start(this);
        TermStyle style = TermStyle.of(name);
        groupLeader = GroupLeader.start(this, text -> log.info("output: {}", text),
                (format, args) -> IoFormat.format(format, args, style));
        functions.register("erlang", "node", 0, (self, a) -> name);
        functions.register("erlang", "nodes", 0, (self, a) -> ErlList.of(nodes()));
        functions.register("erlang", "is_alive", 0, (self, a) -> Atom.of(isAlive()));
        functions.register("erlang", "self", 0, (self, a) -> self.pid());
        functions.register("erlang", "registered", 0, (self, a) -> ErlList.of(registered()));
        functions.register("erlang", "whereis", 1, (self, a) -> {
            LocalProcess p = a.get(0) instanceof Atom n ? registry.get(n) : null;
            return p == null ? Atom.UNDEFINED : p.pid();
        });
    }

    /** net_kernel's one request from peers: {@code is_auth}, which net_adm:ping/1 sends. */
    private void netKernel(Term message) {
        if (message instanceof Tuple t && t.arity() == 3 && t.get(0).equals(GEN_CALL)
                && t.get(1) instanceof Tuple from && from.arity() == 2 && t.get(2) instanceof Tuple req
                && req.arity() == 2 && req.get(0).equals(IS_AUTH)) {
            // The tag is echoed exactly: since OTP 24 it is the improper list [alias | Ref].
            send(whereis("net_kernel").pid(), from.get(0), new Tuple(from.get(1), YES));
        } else {
            log.debug("net_kernel ignores {}", message);
        }
    }

    Bootstrap clientBootstrap(String peer, String host) {
        Atom peerAtom = Atom.of(peer);
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.handshakeTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.dialing(peerAtom, ch);
                        FrameDecoder frames = newFrameDecoder();
                        ch.pipeline().addLast("frames", frames).addLast("handshake",
                                HandshakeHandler.initiator(identity, peer, connections, frames, options.handshakeTimeout()));
                        if (tls != null) {
                            tls.addInitiator(ch, peer, host);
                        }
                    }
                });
    }

    private FrameDecoder newFrameDecoder() {
        return new FrameDecoder(4096, options.maxFrameBytes(), tls == null ? 2 : 4);
    }

    // ---- identity

    public Atom name() {
        return name;
    }

    public NodeName nodeName() {
        return nodeName;
    }

    public int creation() {
        return creation;
    }

    public NodeOptions options() {
        return options;
    }

    /** The distribution port this node listens on. */
    public int port() {
        if (listener == null) {
            throw new ProtocolException(name.name() + " is not distributed and has no distribution port");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public String cookie() {
        return cookie;
    }

    /** erlang:set_cookie/1: the cookie for connections made from now on. */
    public void setCookie(String cookie) {
        this.cookie = Objects.requireNonNull(cookie);
    }

    /** erlang:get_cookie/1: the cookie used with {@code peer}, its own if one was set, else the node's. */
    public String cookie(Atom peer) {
        String own = peerCookies.get(peer);
        return own != null ? own : cookie;
    }

    /** erlang:set_cookie/2: the cookie for connections with {@code peer} only (this node's name sets the default). */
    public void setCookie(Atom peer, String cookie) {
        Objects.requireNonNull(cookie);
        if (peer.equals(name)) {
            setCookie(cookie);
        } else {
            peerCookies.put(peer, cookie);
        }
    }

    /** The functions peers may call here; register more to serve rpc:call and spawn from erl. */
    public FunctionTable functions() {
        return functions;
    }

    /** Where output from the node's group leader goes (io:format in processes this node spawned elsewhere). */
    public void setStandardOutput(Consumer<String> sink) {
        groupLeader.setOutput(sink);
    }

    /** Writes to the group leader's output: where io:format in a process this node runs should print. */
    public void writeStandardOutput(String text) {
        groupLeader.write(text);
    }

    Pid defaultGroupLeader() {
        return groupLeader == null ? null : groupLeader.pid();
    }

    // ---- processes

    /** A new process driven by the caller. */
    public Mailbox spawnMailbox() {
        Mailbox m = new Mailbox(this, newPid());
        processes.put(m.pid().id(), m);
        return m;
    }

    /** A new process registered as {@code name}. */
    public Mailbox spawnMailbox(String registeredName) {
        Mailbox m = spawnMailbox();
        if (!register(registeredName, m)) {
            m.close();
            throw new ProtocolException("the name " + registeredName + " is already registered on " + name.name());
        }
        return m;
    }

    /** A process that runs {@code handler} on each message as it arrives; the handler must not block. */
    public ServiceProcess spawnService(String registeredName, java.util.function.Consumer<Term> handler) {
        ServiceProcess s = new ServiceProcess(this, newPid(), handler);
        processes.put(s.pid().id(), s);
        if (registeredName != null && !register(registeredName, s)) {
            throw new ProtocolException("the name " + registeredName + " is already registered on " + name.name());
        }
        return s;
    }

    private Pid newPid() {
        int id = nextPidId.getAndUpdate(i -> i >= MAX_PID_ID ? 1 : i + 1);
        if (id == MAX_PID_ID) {
            pidSerial.incrementAndGet();
        }
        return new Pid(name, id, pidSerial.get(), creation);
    }

    /** erlang:make_ref/0. */
    public Ref makeRef() {
        long n = nextRef.getAndIncrement();
        return new Ref(name, creation, new int[] {(int) (n & 0x3FFFF), (int) (n >>> 18),
                ThreadLocalRandom.current().nextInt()});
    }

    /**
     * A new process running {@code body} on a thread of its own; it ends normally when body returns, or with
     * the exception's reason (as erl's crash reasons) when body raises an {@link ErlangException}.
     */
    public Mailbox spawn(ErlFunction body) {
        Mailbox m = spawnMailbox();
        spawner.start(m, () -> {
            try {
                body.apply(m, List.of());
                return LocalProcess.NORMAL;
            } catch (ErlangException e) {
                Term reason = Spawner.crashReason(e);
                if (!e.kind().equals(ErlangException.EXIT)) { // erl reports errors and throws, not exits
                    log.error("Error in process {} on node {} with exit value: {}", m.pid(), name.name(), reason);
                }
                return reason;
            } catch (InterruptedException e) {
                return LocalProcess.KILLED;
            }
        });
        return m;
    }

    /**
     * spawn_request/5 on another node: {@code module:function(args)} there, linked to and/or monitored by
     * {@code from}. Fails with a ProtocolException naming the reason (noconnection, notsup, badarg, ...).
     */
    public CompletableFuture<Spawned> spawn(Mailbox from, Atom peer, Atom module, Atom function, List<Term> args,
                                            boolean link, boolean monitor) {
        return spawner.spawn(from, peer, module, function, args, link, monitor);
    }

    /**
     * erpc:call/5: the value of {@code module:function(args)} on {@code peer}, or the exception erpc:call
     * raises — {@code throw:T}, {@code exit:{exception, R}}, {@code error:{exception, R, Stack}},
     * {@code exit:{signal, R}}, {@code error:{erpc, noconnection | timeout | notsup}}.
     */
    public Term erpcCall(Atom peer, Atom module, Atom function, List<Term> args, Duration timeout)
            throws InterruptedException {
        if (peer.equals(name)) {
            return erpcCallHere(module, function, args, timeout);
        }
        Mailbox caller = spawnMailbox();
        try {
            Ref res = makeRef();
            Spawned s;
            try {
                s = spawner.spawn(caller, peer, Atom.of("erpc"), Atom.of("execute_call"),
                        List.of(res, module, function, ErlList.of(args)), false, true)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw ErlangException.error(new Tuple(Atom.of("erpc"), Atom.of(e.getCause().getMessage())));
            } catch (TimeoutException e) {
                throw ErlangException.error(new Tuple(Atom.of("erpc"), Atom.of("timeout")));
            }
            Ref mon = s.monitor();
            Term down = caller.receive(t -> t instanceof Tuple d && d.arity() == 5 && d.get(1).equals(mon), timeout);
            if (down == null) {
                caller.demonitor(mon);
                caller.exit(s.pid(), Atom.of("kill"));
                throw ErlangException.error(new Tuple(Atom.of("erpc"), Atom.of("timeout")));
            }
            return erpcResult(res, ((Tuple) down).get(4));
        } finally {
            caller.close();
        }
    }

    /**
     * erpc:call to this node itself, as erl does it: the function (from {@link #functions()}) runs as a process of
     * its own here, and its exceptions come back in erpc's forms.
     */
    private Term erpcCallHere(Atom module, Atom function, List<Term> args, Duration timeout)
            throws InterruptedException {
        CompletableFuture<Term> result = new CompletableFuture<>();
        Mailbox proc = spawnMailbox();
        spawner.start(proc, () -> {
            try {
                result.complete(functions.call(proc, module, function, args));
                return LocalProcess.NORMAL;
            } catch (ErlangException e) {
                result.completeExceptionally(e);
                return LocalProcess.NORMAL; // the caller gets the exception; erl's erpc logs nothing either
            } catch (InterruptedException e) {
                result.completeExceptionally(ErlangException.exit(LocalProcess.KILLED));
                return LocalProcess.KILLED;
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            proc.exit(LocalProcess.KILL);
            throw ErlangException.error(new Tuple(Atom.of("erpc"), Atom.of("timeout")));
        } catch (ExecutionException e) {
            ErlangException x = (ErlangException) e.getCause();
            if (x.kind().equals(ErlangException.ERROR)) {
                throw ErlangException.error(new Tuple(Atom.of("exception"), x.reason(), x.stacktrace()));
            }
            if (x.kind().equals(ErlangException.EXIT)) {
                throw ErlangException.exit(new Tuple(Atom.of("exception"), x.reason()));
            }
            throw x;
        }
    }

    private static Term erpcResult(Ref res, Term reason) {
        if (reason instanceof Tuple r && r.arity() >= 3 && r.get(0).equals(res)) {
            Term kind = r.get(1);
            if (kind.equals(Atom.of("return"))) {
                return r.get(2);
            }
            if (kind.equals(ErlangException.THROW)) {
                throw ErlangException.throwing(r.get(2));
            }
            if (kind.equals(ErlangException.EXIT)) {
                throw ErlangException.exit(new Tuple(Atom.of("exception"), r.get(2)));
            }
            if (kind.equals(ErlangException.ERROR) && r.arity() == 4) {
                throw ErlangException.error(new Tuple(Atom.of("exception"), r.get(2), r.get(3)));
            }
            if (kind.equals(ErlangException.ERROR)) {
                throw ErlangException.error(r.get(2));
            }
        }
        if (reason.equals(Atom.of("noconnection"))) {
            throw ErlangException.error(new Tuple(Atom.of("erpc"), Atom.of("noconnection")));
        }
        throw ErlangException.exit(new Tuple(Atom.of("signal"), reason));
    }

    /**
     * rpc:call/5: like {@link #erpcCall} but with rpc's answers — the value, a thrown value as is, and
     * {@code {badrpc, Reason}} for the rest ({@code nodedown}, {@code timeout}, {@code {'EXIT', ...}}).
     */
    public Term rpcCall(Atom peer, Atom module, Atom function, List<Term> args, Duration timeout)
            throws InterruptedException {
        Atom badrpc = Atom.of("badrpc");
        Atom exit = Atom.of("EXIT");
        try {
            Term v = erpcCall(peer, module, function, args, timeout);
            return v instanceof Tuple t && t.arity() == 2 && t.get(0).equals(exit) ? new Tuple(badrpc, v) : v;
        } catch (ErlangException e) {
            Term r = e.reason();
            if (e.kind().equals(ErlangException.THROW)) {
                return r instanceof Tuple t && t.arity() == 2 && t.get(0).equals(exit) ? new Tuple(badrpc, r) : r;
            }
            if (r instanceof Tuple t && t.arity() == 2 && t.get(0).equals(Atom.of("erpc"))) {
                Term why = t.get(1);
                return new Tuple(badrpc, why.equals(Atom.of("noconnection")) ? Atom.of("nodedown")
                        : why.equals(Atom.of("timeout")) || why.equals(Atom.of("notsup")) ? why : new Tuple(exit, why));
            }
            if (r instanceof Tuple t && t.arity() == 3 && t.get(0).equals(Atom.of("exception"))) {
                return new Tuple(badrpc, new Tuple(exit, new Tuple(t.get(1), t.get(2))));
            }
            if (r instanceof Tuple t && t.arity() == 2) {
                return new Tuple(badrpc, new Tuple(exit, t.get(1)));
            }
            return new Tuple(badrpc, new Tuple(exit, r));
        }
    }

    /** erlang:register/2; false if the name is taken or the process is gone or already named. */
    public boolean register(String registeredName, LocalProcess process) {
        if (!process.isAlive() || registry.containsValue(process)) {
            return false;
        }
        return registry.putIfAbsent(Atom.of(registeredName), process) == null;
    }

    public boolean unregister(String registeredName) {
        return registry.remove(Atom.of(registeredName)) != null;
    }

    /** The process registered as {@code name}, or null. */
    public LocalProcess whereis(String registeredName) {
        return registry.get(Atom.of(registeredName));
    }

    public List<Atom> registered() {
        return new ArrayList<>(registry.keySet());
    }

    /** The process registered under {@code name} here, or null. */
    LocalProcess registered(Atom registeredName) {
        return registry.get(registeredName);
    }

    /** The live local processes, in pid order (for erl's i() and regs()). */
    public List<LocalProcess> processes() {
        List<LocalProcess> out = new ArrayList<>();
        for (LocalProcess p : processes.values()) {
            if (p.isAlive()) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparingInt((LocalProcess p) -> p.pid().serial())
                .thenComparingInt(p -> p.pid().id()));
        return out;
    }

    /** The local process with this pid, or null if it is not (or no longer) here. */
    public LocalProcess process(Pid pid) {
        if (!pid.node().equals(name) || pid.creation() != creation) {
            return null;
        }
        LocalProcess p = processes.get(pid.id());
        // A process is marked ended a moment before it leaves the table; it is gone from that moment.
        return p != null && p.pid().equals(pid) && p.isAlive() ? p : null;
    }

    // ---- sending

    /**
     * {@code To ! Message} from {@code from}: {@code to} is a pid, a locally registered name, or
     * {@code {Name, Node}}. Sends to other nodes connect first when needed and never block on the network.
     *
     * @throws ProtocolException (badarg) for a name not registered here, or a {@code to} of the wrong shape
     */
    public void send(Pid from, Term to, Term message) {
        if (to instanceof Pid pid) {
            if (pid.node().equals(name)) {
                LocalProcess p = process(pid);
                if (p != null) {
                    p.deliver(message);
                }
            } else {
                DistConnection c = connections.connection(pid.node());
                if (c != null) {
                    sendTo(c, from, pid, message); // the common case allocates no closure
                } else {
                    connections.send(pid.node(), conn -> sendTo(conn, from, pid, message));
                }
            }
        } else if (to instanceof Atom regName) {
            LocalProcess p = registry.get(regName);
            if (p == null) {
                throw new ProtocolException("badarg: no process is registered as " + regName.name());
            }
            p.deliver(message);
        } else if (to instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom regName
                && t.get(1) instanceof Atom node) {
            if (node.equals(name)) {
                LocalProcess p = registry.get(regName);
                if (p != null) {
                    p.deliver(message);
                }
            } else {
                DistConnection c = connections.connection(node);
                if (c != null) {
                    c.send(new RegSend(from, regName, null), message);
                } else {
                    connections.send(node, conn -> conn.send(new RegSend(from, regName, null), message));
                }
            }
        } else if (to instanceof Ref alias) {
            if (alias.node().equals(name)) {
                LocalProcess p = signals.aliased(alias);
                if (p != null) {
                    p.deliver(message);
                }
            } else {
                connections.send(alias.node(), c -> c.send(c.peer().has(DistFlags.ALTACT_SIG)
                        ? AltactSigSend.toAlias(from, alias) : new AliasSend(from, alias, null), message));
            }
        } else {
            throw new ProtocolException("badarg: cannot send to " + to
                    + "; expected a pid, a name, {Name, Node} or an alias");
        }
    }

    private static void sendTo(DistConnection c, Pid from, Pid to, Term message) {
        c.send(new Send(c.peer().has(DistFlags.SEND_SENDER) ? from : null, to, null), message);
    }

    // ---- connections

    /** net_kernel:connect_node/1: true once connected (now or already), false if the node cannot be reached. */
    public boolean connect(Atom peer) {
        if (peer.equals(name)) {
            return true;
        }
        try {
            return connectAsync(peer).get(options.handshakeTimeout().toMillis() * 3, TimeUnit.MILLISECONDS) != null;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public CompletableFuture<DistConnection> connectAsync(Atom peer) {
        return connections.connect(peer);
    }

    /** net_adm:ping/1: connects and asks the peer's net_kernel; true for pong. */
    public boolean ping(Atom peer) {
        if (peer.equals(name)) {
            return true;
        }
        if (!connect(peer)) {
            return false;
        }
        Mailbox m = spawnMailbox();
        try {
            Ref ref = makeRef();
            send(m.pid(), new Tuple(Atom.of("net_kernel"), peer),
                    new Tuple(GEN_CALL, new Tuple(m.pid(), ref), new Tuple(IS_AUTH, name)));
            Term reply = m.receive(t -> t instanceof Tuple r && r.arity() == 2 && r.get(0).equals(ref),
                    options.handshakeTimeout());
            return reply instanceof Tuple r && r.get(1).equals(YES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            m.close();
        }
    }

    /** Whether the node's name is registered with EPMD right now (false while EPMD is away). */
    public boolean isRegistered() {
        return epmd != null && epmd.isRegistered();
    }

    /** erl_epmd:names/0: what the EPMD on this host lists, in its order. */
    public CompletableFuture<List<io.jerl.protocol.epmd.RegisteredNode>> epmdNames() {
        return epmdClient.names("localhost");
    }

    /** erlang:disconnect_node/1. */
    public boolean disconnect(Atom peer) {
        return connections.disconnect(peer);
    }

    /** net_kernel:node_info/1: the live connection to {@code peer}, or null if there is none. */
    public ConnectionInfo connectionInfo(Atom peer) {
        DistConnection c = connections.connection(peer);
        if (c == null) {
            return null;
        }
        return new ConnectionInfo(peer, hiddenByPeer.getOrDefault(peer, Boolean.FALSE),
                (InetSocketAddress) c.channel().remoteAddress(), TlsTransport.session(c.channel()));
    }

    /** Whether distribution runs over TLS ({@code -proto_dist inet_tls}). */
    public boolean usesTls() {
        return tls != null;
    }

    /** erlang:nodes(): the visible nodes this node is connected to. */
    public List<Atom> nodes() {
        return nodes(false, true);
    }

    /** erlang:nodes(hidden) with {@code hidden}, erlang:nodes(connected) with both. */
    public List<Atom> nodes(boolean hidden, boolean visible) {
        List<Atom> out = new ArrayList<>();
        for (DistConnection c : connections.established()) {
            boolean h = hiddenByPeer.getOrDefault(c.peer().name(), Boolean.FALSE);
            if ((h && hidden) || (!h && visible)) {
                out.add(c.peer().name());
            }
        }
        return out;
    }

    public void addNodeListener(NodeListener l) {
        listeners.add(l);
    }

    public void removeNodeListener(NodeListener l) {
        listeners.remove(l);
    }

    void nodeUp(Atom peer, boolean hidden) {
        hiddenByPeer.put(peer, hidden);
        signals.nodeUp(peer, hidden);
        fireEvent(() -> listeners.forEach(l -> l.nodeUp(peer, hidden)));
    }

    void nodeDown(Atom peer, String reason) {
        Boolean hidden = hiddenByPeer.remove(peer);
        spawner.nodeDown(peer);
        signals.nodeDown(peer, hidden == null || hidden, new ArrayList<>(processes.values()));
        fireEvent(() -> listeners.forEach(l -> l.nodeDown(peer, reason)));
    }

    /** Node events go to listeners in order on one thread; once the node is stopping they are dropped. */
    private void fireEvent(Runnable event) {
        try {
            events.execute(event);
        } catch (RejectedExecutionException stopping) {
            log.debug("node stopping; event dropped");
        }
    }

    // ---- signals from peers (on network threads)

    void dispatch(DistConnection from, ControlMessage message, Term payload) {
        signals.dispatch(from, message, payload);
    }

    /** A process ended: it leaves the process table and the registry. */
    void forget(LocalProcess p) {
        processes.remove(p.pid().id(), p);
        registry.values().removeIf(v -> v == p);
    }

    Signals signals() {
        return signals;
    }

    Spawner spawner() {
        return spawner;
    }

    // ---- plumbing for the connection table

    /** The EPMD client this node uses (erl_epmd:names/1 and port_please/2 ask other hosts through it). */
    public EpmdClient epmdClient() {
        return epmdClient;
    }

    TermDecoder termDecoder() {
        return termDecoder;
    }

    EventLoop eventLoop() {
        return group.next();
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Stops the node: unregisters from EPMD, closes every connection (peers see nodedown at once), ends
     * every local process.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (epmd != null) {
            epmd.close();
        }
        connections.closeAll();
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        for (LocalProcess p : new ArrayList<>(processes.values())) {
            p.exit(Atom.of("shutdown"));
        }
        events.shutdown();
        spawner.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        log.info("node {} stopped", name.name());
    }

    @Override
    public String toString() {
        return "Node[" + name.name() + "]";
    }
}
