package io.jerl.shell;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.Cookies;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.protocol.tls.TlsOptions;
import io.jerl.shell.builtins.Builtins;
import io.jerl.shell.certs.CertsCommand;
import io.jerl.shell.tls.SslDistOptions;
import java.nio.file.Path;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.repl.Repl;
import io.jerl.shell.repl.StreamIo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * {@code jerl}: starts a node from erl's command line (a local one, nonode@nohost, without -sname/-name), runs
 * the -eval expressions, then the shell on it, reading forms from standard input until it ends, q() or halt()
 * (the JLine terminal with history and completion is still to come); with -noshell, no shell: the node stays up.
 */
public final class Main {
    static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, EpmdClient.defaultPort()));
    }

    /** Runs jerl with the given streams; {@code epmdPort} is what ERL_EPMD_PORT would give. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, int epmdPort) {
        if (args.length > 0 && args[0].equals("certs")) {
            return CertsCommand.run(java.util.Arrays.asList(args).subList(1, args.length), out, err);
        }
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (ShellException e) {
            err.println("jerl: " + e.getMessage());
            return 2;
        }
        if (cl.help()) {
            out.print(CommandLine.usage());
            return 0;
        }
        if (cl.version()) {
            out.println("jerl " + VERSION);
            return 0;
        }
        try (Node node = startNode(cl, epmdPort)) {
            // Peers expect global's name server on a visible node; without it their global:sync() hangs.
            Global global = Global.start(node, cl.connectAll());
            BuiltinRegistry registry = builtins(node, global);
            ShellSession session = new ShellSession(node, registry);
            java.util.function.Consumer<String> standardOutput = text -> {
                out.print(text);
                out.flush();
            };
            node.setStandardOutput(standardOutput);
            for (String expr : cl.evals()) {
                Integer status = Eval.run(expr, session, out, err);
                if (status != null) {
                    return status;
                }
            }
            if (cl.noshell()) {
                // erl -noshell keeps the node up until something halts it; here only an -eval can.
                new java.util.concurrent.CountDownLatch(1).await();
            }
            String prompt = node.isAlive() ? "(" + node.name().name() + ")" : "";
            Repl.End end;
            if (in == System.in && InteractiveShell.onTerminal()) {
                end = InteractiveShell.run(node, registry, session, "Eshell jerl " + VERSION
                        + "  (Ctrl-D or q(). to stop, Ctrl-C to interrupt)\n", n -> prompt + n + "> ", standardOutput);
            } else {
                out.println("Eshell jerl " + VERSION + "  (end input or q(). to stop)");
                end = new Repl(new StreamIo(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        out), session, n -> prompt + n + "> ").run();
            }
            out.flush();
            if (end.stopped()) {
                return end.status();
            }
            return cl.exitOnError() && end.failures() > 0 ? 1 : 0;
        } catch (ProtocolException | ShellException e) {
            err.println("jerl: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** A distributed node for -sname/-name; else a local one, as erl without a name. */
    private static Node startNode(CommandLine cl, int epmdPort) {
        if (!cl.distributed()) {
            return Node.startLocal(options(cl));
        }
        return Node.start(nodeName(cl), cookie(cl), options(cl).withEpmdPort(epmdPort));
    }

    /** Every built-in function of a shell on {@code node}, also offered to peers (rpc:call from erl). */
    static BuiltinRegistry builtins(Node node, Global global) {
        BuiltinRegistry registry = new BuiltinRegistry();
        Builtins.registerPure(registry);
        NodeBuiltins.register(registry, node, global);
        ProcessBuiltins.register(registry, node);
        ProcessInfo.register(registry, node);
        DistributionBuiltins.register(registry, node, global);
        RpcBuiltins.register(registry, node);
        TimerBuiltins.register(registry, node);
        PeerFunctions.export(registry, node); // before the shell commands, so that a peer cannot q() this shell
        return registry;
    }

    static NodeName nodeName(CommandLine cl) {
        return cl.sname() != null ? NodeName.shortName(cl.sname()) : NodeName.longName(cl.name());
    }

    static String cookie(CommandLine cl) {
        return cl.cookie() != null ? cl.cookie() : Cookies.readOrCreate(Cookies.defaultFile());
    }

    static NodeOptions options(CommandLine cl) {
        NodeOptions o = NodeOptions.defaults().withHidden(cl.hidden());
        int min = cl.kernelInt("inet_dist_listen_min", 0);
        int max = cl.kernelInt("inet_dist_listen_max", min);
        if (min > 0 || max > 0) {
            o = o.withListenRange(min == 0 ? max : min, max);
        }
        int tick = cl.kernelInt("net_ticktime", 60);
        if (tick <= 0) {
            throw new ShellException("-kernel net_ticktime must be positive, got " + tick);
        }
        o = o.withNetTickTime(Duration.ofSeconds(tick));
        if (cl.tls()) {
            o = o.withTls(tls(cl));
        }
        String iface = cl.kernel().get("inet_dist_use_interface");
        if (iface != null) {
            o = o.withBindAddress(address(iface));
        }
        return o;
    }

    /** -ssl_dist_optfile first, then each -ssl_dist_opt over it. */
    private static TlsOptions tls(CommandLine cl) {
        SslDistOptions tls = new SslDistOptions();
        if (cl.sslDistOptFile() != null) {
            tls.readFile(Path.of(cl.sslDistOptFile()));
        }
        for (var kv : cl.sslDistOpts()) {
            tls.flag(kv.getKey(), kv.getValue());
        }
        return tls.options();
    }

    /** erl writes the interface as a tuple, {127,0,0,1}; a dotted address is accepted too. */
    private static InetAddress address(String text) {
        String dotted = text.strip().replaceAll("^\\{|}$", "").replace(',', '.').replace(" ", "");
        try {
            return InetAddress.getByName(dotted);
        } catch (UnknownHostException e) {
            throw new ShellException("-kernel inet_dist_use_interface: '" + text + "' is not an address like {127,0,0,1}");
        }
    }

}
