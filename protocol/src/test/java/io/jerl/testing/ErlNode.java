package io.jerl.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code erl} node started by a test and driven through its standard input: each {@link #eval} sends
 * one line of Erlang expressions, the node evaluates them with {@code erl_eval} in one long-lived process
 * (so bindings and {@code self()} persist, like a shell) and answers with the value printed by {@code ~tw}.
 * Everything else the node prints (logger reports, io:format from other processes) is kept in
 * {@link #output()} so a test can check what erl logged.
 */
public final class ErlNode implements AutoCloseable {
    private static final String MARK = "@@jerl-test@@";
    private static final String AGENT = """
            io:setopts([{encoding, unicode}]),
            io:format("~ts~n", ["@@jerl-test@@READY"]),
            Agent = fun Loop(Bs) ->
                case io:get_line('') of
                    eof -> erlang:halt(0);
                    {error, _} -> erlang:halt(0);
                    "jerl_test_forget.\n" ->
                        io:format("@@jerl-test@@OK ok~n"),
                        Loop(erl_eval:new_bindings());
                    Line ->
                        Reply = try
                                    {ok, Toks, _} = erl_scan:string(unicode:characters_to_list(Line)),
                                    {ok, Exprs} = erl_parse:parse_exprs(Toks),
                                    {value, V, Bs1} = erl_eval:exprs(Exprs, Bs),
                                    {ok, V, Bs1}
                                catch C:R -> {error, {C, R}, Bs}
                                end,
                        case Reply of
                            {ok, V2, B2} -> io:format("@@jerl-test@@OK ~tw~n", [V2]), Loop(B2);
                            {error, E, B3} -> io:format("@@jerl-test@@ERR ~tw~n", [E]), Loop(B3)
                        end
                end
            end,
            Agent(erl_eval:new_bindings()).
            """;

    private final Process process;
    private final String nodeName;
    private final OutputStream stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ErlNode(Process process, String nodeName) {
        this.process = process;
        this.nodeName = nodeName;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::pump, "erl-output-" + nodeName);
        reader.setDaemon(true);
        reader.start();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The full node name, e.g. {@code car@myhost}. */
    public String name() {
        return nodeName;
    }

    /** The node name as an Erlang atom literal, quoted, for use inside expressions. */
    public String atom() {
        return "'" + nodeName + "'";
    }

    public long osPid() {
        return process.pid();
    }

    /** Evaluates one line of expressions (the final dot may be left off) and returns the value as {@code ~tw}. */
    public String eval(String expressions) {
        return eval(expressions, Duration.ofSeconds(20));
    }

    public String eval(String expressions, Duration timeout) {
        String reply = send(expressions, timeout);
        if (!reply.startsWith("OK ")) {
            throw new AssertionError("erl " + nodeName + " raised on `" + expressions + "`: " + reply.substring(4)
                    + "\nerl output:\n" + String.join("\n", output));
        }
        return reply.substring(3);
    }

    /**
     * Compiles and loads the Erlang module {@code module} from the test resource {@code module.erl} next to
     * {@code anchor}, copying the source into {@code dir} first.
     */
    public void loadModule(Class<?> anchor, String module, java.nio.file.Path dir) {
        try (java.io.InputStream src = anchor.getResourceAsStream(module + ".erl")) {
            if (src == null) {
                throw new AssertionError("test resource " + module + ".erl is missing");
            }
            java.nio.file.Path file = dir.resolve(module + ".erl");
            java.nio.file.Files.write(file, src.readAllBytes());
            String p = erlString(file);
            String beam = "Beam_" + module;
            eval("{ok, " + module + ", " + beam + "} = compile:file(" + p + ", [binary, report]), "
                    + "{module, " + module + "} = code:load_binary(" + module + ", " + p + ", " + beam + "), ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as an Erlang string literal. */
    public static String erlString(java.nio.file.Path p) {
        return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Forgets every variable bound by earlier {@link #eval}s, like the shell's {@code f()}. */
    public void forgetBindings() {
        send("jerl_test_forget", Duration.ofSeconds(20));
    }

    /** Evaluates and returns the {@code {Class, Reason}} erl raised, failing if it returned normally. */
    public String evalError(String expressions) {
        String reply = send(expressions, Duration.ofSeconds(20));
        if (!reply.startsWith("ERR ")) {
            throw new AssertionError("expected `" + expressions + "` to raise on " + nodeName + ", got " + reply);
        }
        return reply.substring(4);
    }

    private synchronized String send(String expressions, Duration timeout) {
        String line = expressions.strip().replace('\n', ' ');
        if (!line.endsWith(".")) {
            line += ".";
        }
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("erl " + nodeName + " did not answer `" + line + "` within " + timeout
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                        + "\nerl output:\n" + String.join("\n", output));
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("erl " + nodeName + " is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every line erl printed that was not an answer to {@link #eval}: logs, reports, other processes' output. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Waits until erl has printed a line containing {@code text}; fails with the output so far if it does not. */
    public void awaitOutput(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            Processes.sleep(50);
        }
        throw new AssertionError("erl " + nodeName + " did not print \"" + text + "\" within " + limit
                + "\nerl output:\n" + String.join("\n", output));
    }

    /** Freezes the node with SIGSTOP, as an unresponsive peer; {@link #resume} undoes it. */
    public void suspend() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    /** Kills the node with SIGKILL: no goodbye on any connection. */
    public void kill() {
        signal("-KILL");
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String sig) {
        try {
            new ProcessBuilder("kill", sig, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int at = line.indexOf(MARK);
                if (at >= 0) {
                    if (at > 0) {
                        output.add(line.substring(0, at));
                    }
                    replies.add(line.substring(at + MARK.length()));
                } else {
                    output.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            try {
                stdin.close();
            } catch (IOException ignored) {
                // already gone
            }
            Processes.awaitOrKill(process);
        }
    }

    public static final class Builder {
        private final String name;
        private String cookie = ErlTools.randomCookie();
        private java.nio.file.Path home;
        private Integer epmdPort;
        private boolean longName;
        private String host;
        private ErlangRelease release;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder cookie(String cookie) {
            this.cookie = cookie;
            return this;
        }

        public Builder epmdPort(int port) {
            this.epmdPort = port;
            return this;
        }

        /** Start with {@code -name name@host} instead of {@code -sname name}. */
        public Builder longName(String host) {
            this.longName = true;
            this.host = host;
            return this;
        }

        /** No -setcookie: erl reads (or creates) {@code home}/.erlang.cookie, as a user's erl would. */
        public Builder cookieFromHome(java.nio.file.Path home) {
            this.cookie = null;
            this.home = home;
            return this;
        }

        /** Run this release's erl (default: the system's). */
        public Builder release(ErlangRelease release) {
            this.release = release;
            return this;
        }

        /** More erl command-line arguments, e.g. {@code "-kernel", "net_ticktime", "4"}. */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public ErlNode start() {
            String full = name + "@" + (longName ? host : ErlTools.shortHostName());
            List<String> cmd = new ArrayList<>(List.of(longName ? "-name" : "-sname", longName ? full : name,
                    "-noshell", "-start_epmd", "false"));
            if (cookie != null) {
                cmd.addAll(List.of("-setcookie", cookie));
            }
            cmd.addAll(extraArgs);
            cmd.add("-eval");
            cmd.add(AGENT);
            ErlangRelease r = release != null ? release : ErlangRelease.system();
            ProcessBuilder pb = new ProcessBuilder(r.command("erl", cmd)).redirectErrorStream(true);
            if (epmdPort == null) {
                throw new AssertionError("give each test erl a private EPMD: builder.epmdPort(epmd.port())");
            }
            pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
            if (home != null) {
                pb.environment().put("HOME", home.toString());
            }
            try {
                ErlNode node = new ErlNode(pb.start(), full);
                String ready = node.replies.poll(30, TimeUnit.SECONDS);
                if (!"READY".equals(ready)) {
                    String out = String.join("\n", node.output);
                    node.close();
                    throw new AssertionError("erl " + full + " did not start: " + ready + "\n" + out);
                }
                String otp = node.eval("list_to_integer(erlang:system_info(otp_release))");
                if (!otp.equals(Integer.toString(r.otp()))) {
                    node.close();
                    throw new AssertionError("asked for " + r + ", started OTP " + otp);
                }
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start erl", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
