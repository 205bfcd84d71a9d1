package io.jerl.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * erl's command line, so commands copied from tutorials work: {@code -sname bus -setcookie brumbrum -kernel
 * inet_dist_listen_min 9100}. Unlike erl, a flag jerl does not know is an error with a suggestion, not
 * silently ignored.
 *
 * @param sname     {@code -sname}: short node name (null if not given)
 * @param name      {@code -name}: long node name (null if not given)
 * @param cookie    {@code -setcookie} (null: read ~/.erlang.cookie)
 * @param hidden    {@code -hidden}
 * @param connectAll {@code -connect_all false} turns transitive connections off
 * @param kernel    {@code -kernel Key Value} pairs, in order
 * @param noshell   {@code -noshell}
 * @param evals     {@code -eval Expr} expressions, in order
 * @param exitOnError {@code -exit_on_error} (jerl's own): a piped run exits 1 if any form raised or did not parse
 * @param protoDist {@code -proto_dist}: inet_tcp (the default), inet_tls or inet6_tls
 * @param sslDistOptFile {@code -ssl_dist_optfile FILE} (null if not given)
 * @param sslDistOpts {@code -ssl_dist_opt Key Value ...} pairs, in order
 */
public record CommandLine(String sname, String name, String cookie, boolean hidden, boolean connectAll,
                          Map<String, String> kernel, boolean noshell, List<String> evals, boolean exitOnError,
                          boolean help, boolean version, String protoDist, String sslDistOptFile,
                          List<Map.Entry<String, String>> sslDistOpts) {
    /** The -kernel keys jerl acts on. */
    static final List<String> KERNEL_KEYS = List.of("inet_dist_listen_min", "inet_dist_listen_max", "net_ticktime",
            "inet_dist_use_interface");
    private static final List<String> FLAGS = List.of("-sname", "-name", "-setcookie", "-hidden", "-connect_all",
            "-kernel", "-noshell", "-noinput", "-eval", "-exit_on_error", "-h", "-help", "--help", "--version", "-version",
            "-proto_dist", "-ssl_dist_optfile", "-ssl_dist_opt");
    /** The -proto_dist modules jerl has: erl's plain TCP and its TLS distribution. */
    static final List<String> PROTO_DISTS = List.of("inet_tcp", "inet_tls", "inet6_tls");

    public static CommandLine parse(String... args) {
        String sname = null;
        String name = null;
        String cookie = null;
        boolean hidden = false;
        boolean connectAll = true;
        Map<String, String> kernel = new LinkedHashMap<>();
        boolean noshell = false;
        List<String> evals = new ArrayList<>();
        boolean exitOnError = false;
        boolean help = false;
        boolean version = false;
        String protoDist = "inet_tcp";
        String sslDistOptFile = null;
        List<Map.Entry<String, String>> sslDistOpts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-sname" -> sname = value(args, ++i, a);
                case "-name" -> name = value(args, ++i, a);
                case "-setcookie" -> cookie = value(args, ++i, a);
                case "-hidden" -> hidden = true;
                case "-connect_all" -> connectAll = bool(value(args, ++i, a), a);
                case "-kernel" -> {
                    // like erl, one -kernel may carry several pairs: -kernel inet_dist_listen_min 9000 inet_dist_listen_max 9000
                    do {
                        String key = value(args, ++i, a);
                        String v = value(args, ++i, a + " " + key);
                        if (!KERNEL_KEYS.contains(key)) {
                            throw new ShellException("jerl does not know the kernel parameter '" + key + "'"
                                    + suggestion(key, KERNEL_KEYS) + "; it knows " + String.join(", ", KERNEL_KEYS));
                        }
                        kernel.put(key, v);
                    } while (i + 1 < args.length && !args[i + 1].startsWith("-"));
                }
                case "-proto_dist" -> {
                    protoDist = value(args, ++i, a);
                    if (!PROTO_DISTS.contains(protoDist)) {
                        throw new ShellException("-proto_dist " + protoDist + ": jerl has " + String.join(", ", PROTO_DISTS)
                                + suggestion(protoDist, PROTO_DISTS));
                    }
                }
                case "-ssl_dist_optfile" -> sslDistOptFile = value(args, ++i, a);
                case "-ssl_dist_opt" -> {
                    // as erl: one -ssl_dist_opt may carry several pairs: server_certfile F client_certfile F
                    do {
                        String key = value(args, ++i, a);
                        sslDistOpts.add(Map.entry(key, value(args, ++i, a + " " + key)));
                    } while (i + 1 < args.length && !args[i + 1].startsWith("-"));
                }
                case "-noshell", "-noinput" -> noshell = true;
                case "-eval" -> evals.add(value(args, ++i, a));
                case "-exit_on_error" -> exitOnError = true;
                case "-h", "-help", "--help" -> help = true;
                case "--version", "-version" -> version = true;
                default -> throw new ShellException("unknown option '" + a + "'" + suggestion(a, FLAGS)
                        + " (jerl --help lists the options)");
            }
        }
        if (sname != null && name != null) {
            throw new ShellException("give either -sname or -name, not both");
        }
        boolean tls = protoDist.endsWith("_tls");
        if (!tls && (sslDistOptFile != null || !sslDistOpts.isEmpty())) {
            throw new ShellException("-ssl_dist_optfile and -ssl_dist_opt need -proto_dist inet_tls");
        }
        if (tls && sslDistOptFile == null && sslDistOpts.isEmpty()) {
            throw new ShellException("-proto_dist " + protoDist + " needs certificates: -ssl_dist_optfile FILE"
                    + " (jerl certs node NAME@HOST DIR writes one) or -ssl_dist_opt server_certfile FILE ...");
        }
        return new CommandLine(sname, name, cookie, hidden, connectAll, kernel, noshell, evals, exitOnError, help,
                version, protoDist, sslDistOptFile, List.copyOf(sslDistOpts));
    }

    /** Whether distribution runs over TLS (-proto_dist inet_tls or inet6_tls). */
    public boolean tls() {
        return protoDist.endsWith("_tls");
    }

    public boolean distributed() {
        return sname != null || name != null;
    }

    public int kernelInt(String key, int fallback) {
        String v = kernel.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ShellException("-kernel " + key + " wants a whole number, got '" + v + "'");
        }
    }

    public static String usage() {
        return """
                Usage: jerl [options]
                  -sname NAME              distributed node NAME@shorthost
                  -name NAME[@HOST]        distributed node with a fully qualified host name
                  -setcookie COOKIE        the cookie (default: ~/.erlang.cookie, created if missing)
                  -hidden                  a hidden node: not listed in other nodes' nodes()
                  -connect_all false       do not connect to the nodes a peer knows
                  -kernel KEY VALUE        inet_dist_listen_min, inet_dist_listen_max, net_ticktime,
                                           inet_dist_use_interface
                  -proto_dist inet_tls     distribution over TLS, as erl's; with one of:
                  -ssl_dist_optfile FILE   erl's [{server, [...]}, {client, [...]}] options file
                  -ssl_dist_opt KEY VALUE  server_certfile F, client_cacertfile F, server_verify verify_peer, ...
                  jerl certs init DIR      make a cluster CA; jerl certs node NAME@HOST DIR: a node's
                                           certificate, key and ssl_dist.conf
                  (no -sname/-name: a local node, nonode@nohost, as erl without a name)
                  -noshell                 no shell: run the -eval expressions, then stay up until halt()
                  -eval EXPR               evaluate EXPR at start (several run in order); if one raises,
                                           print the error and exit 1, as erl does
                  -exit_on_error           for piped scripts (jerl < demo.erl): exit 1 at the end of input
                                           if any expression raised or had a syntax error
                  -h, --help               this text
                  --version                jerl's version
                Environment: ERL_EPMD_PORT  the EPMD port (default 4369)
                """;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new ShellException(flag + " needs a value");
        }
        return args[i];
    }

    private static boolean bool(String v, String flag) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ShellException(flag + " takes true or false, got '" + v + "'");
        };
    }

    /** ", did you mean X?" for the closest known word within two edits, else nothing. */
    static String suggestion(String given, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(given.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best == null && given.startsWith("--") && known.contains(given.substring(1))) {
            best = given.substring(1);
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
