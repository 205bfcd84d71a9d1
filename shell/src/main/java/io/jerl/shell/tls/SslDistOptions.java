package io.jerl.shell.tls;

import io.jerl.protocol.tls.TlsOptions;
import io.jerl.protocol.tls.TlsSettings;
import io.jerl.protocol.tls.TlsSettings.Verify;
import io.jerl.shell.ShellException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * erl's TLS distribution settings: {@code -ssl_dist_optfile FILE} ({@code [{server, Opts}, {client, Opts}]}) and
 * {@code -ssl_dist_opt server_certfile F client_verify verify_peer ...}, turned into the protocol module's
 * {@link TlsOptions}. An option jerl does not act on is an error that names it: a setting that is silently
 * dropped is a security setting that does not hold.
 */
public final class SslDistOptions {
    /** Options of both sides, with the kind of value each takes. */
    private static final Map<String, Kind> COMMON = Map.ofEntries(
            Map.entry("certfile", Kind.STRING), Map.entry("keyfile", Kind.STRING), Map.entry("cacertfile", Kind.STRING),
            Map.entry("password", Kind.STRING), Map.entry("verify", Kind.ATOM), Map.entry("depth", Kind.INTEGER),
            Map.entry("versions", Kind.ATOM_LIST), Map.entry("ciphers", Kind.STRING_LIST),
            // TLS 1.3 has no renegotiation and the JDK renegotiates 1.2 only securely (RFC 5746): true is what jerl does.
            Map.entry("secure_renegotiate", Kind.BOOLEAN),
            Map.entry("reuse_sessions", Kind.BOOLEAN));
    private static final Map<String, Kind> SERVER_ONLY = Map.of("fail_if_no_peer_cert", Kind.BOOLEAN);
    private static final Map<String, Kind> CLIENT_ONLY = Map.of("server_name_indication", Kind.STRING_OR_DISABLE);

    private enum Kind { STRING, ATOM, INTEGER, BOOLEAN, ATOM_LIST, STRING_LIST, STRING_OR_DISABLE }

    private final Map<String, Object> server = new LinkedHashMap<>();
    private final Map<String, Object> client = new LinkedHashMap<>();

    /** Reads {@code -ssl_dist_optfile FILE}. */
    public void readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShellException("-ssl_dist_optfile: cannot read " + file + ": " + e.getMessage());
        }
        String source = file.toString();
        Object term = OptionTerms.parse(text, source);
        if (!(term instanceof List<?> sides)) {
            throw new ShellException(source + ": expected a list [{server, [...]}, {client, [...]}]");
        }
        for (Object s : sides) {
            if (!(s instanceof OptionTerms.Tuple t) || t.elements().size() != 2
                    || !(t.elements().get(0) instanceof OptionTerms.Atom side)
                    || !(t.elements().get(1) instanceof List<?> opts)) {
                throw new ShellException(source + ": each element is {server, [Opt...]} or {client, [Opt...]}");
            }
            Map<String, Object> into = side(side.name(), source);
            for (Object o : opts) {
                if (!(o instanceof OptionTerms.Tuple kv) || kv.elements().size() != 2
                        || !(kv.elements().get(0) instanceof OptionTerms.Atom key)) {
                    throw new ShellException(source + ": each " + side.name() + " option is a pair {Key, Value}");
                }
                put(into, side.name(), key.name(), kv.elements().get(1), source);
            }
        }
    }

    /** One {@code -ssl_dist_opt} pair: {@code server_certfile F}, {@code client_verify verify_peer}, ... */
    public void flag(String key, String value) {
        String side = key.startsWith("server_") ? "server" : key.startsWith("client_") ? "client" : null;
        if (side == null) {
            throw new ShellException("-ssl_dist_opt " + key + ": keys start with server_ or client_, e.g. server_certfile");
        }
        String option = key.substring(side.length() + 1);
        Kind kind = kind(side, option, "-ssl_dist_opt");
        put(side(side, "-ssl_dist_opt"), side, option, fromText(kind, option, value), "-ssl_dist_opt");
    }

    /** The settings, with erl's defaults (verify_none, no peer certificate required) where none were given. */
    public TlsOptions options() {
        if (!server.containsKey("certfile")) {
            throw new ShellException("TLS distribution needs the server's certfile: -ssl_dist_optfile with"
                    + " {server, [{certfile, ...}]} or -ssl_dist_opt server_certfile FILE (jerl certs node makes one)");
        }
        return new TlsOptions(settings(server, true), settings(client, false));
    }

    private static TlsSettings.Pem settings(Map<String, Object> o, boolean server) {
        String verify = (String) o.getOrDefault("verify", "verify_none");
        Verify v = switch (verify) {
            case "verify_peer" -> Verify.VERIFY_PEER;
            case "verify_none" -> Verify.VERIFY_NONE;
            default -> throw new ShellException((server ? "server" : "client") + " verify: verify_peer or verify_none, not " + verify);
        };
        @SuppressWarnings("unchecked")
        List<String> versions = (List<String>) o.getOrDefault("versions", List.of());
        @SuppressWarnings("unchecked")
        List<String> ciphers = (List<String>) o.getOrDefault("ciphers", List.of());
        return new TlsSettings.Pem(path(o, "certfile"), path(o, "keyfile"), (String) o.get("password"),
                path(o, "cacertfile"), v, Boolean.TRUE.equals(o.get("fail_if_no_peer_cert")), versions, ciphers,
                (Integer) o.getOrDefault("depth", TlsSettings.DEFAULT_DEPTH), (String) o.get("server_name_indication"));
    }

    private static Path path(Map<String, Object> o, String key) {
        Object p = o.get(key);
        if (p == null) {
            return null;
        }
        try {
            return Path.of((String) p);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ShellException(key + " '" + p + "' is not a file name: " + e.getReason());
        }
    }

    private Map<String, Object> side(String side, String source) {
        return switch (side) {
            case "server" -> server;
            case "client" -> client;
            default -> throw new ShellException(source + ": '" + side + "' is neither server nor client");
        };
    }

    private static Kind kind(String side, String option, String source) {
        Kind k = COMMON.get(option);
        if (k == null) {
            k = (side.equals("server") ? SERVER_ONLY : CLIENT_ONLY).get(option);
        }
        if (k == null) {
            Set<String> known = new TreeSet<>(COMMON.keySet());
            known.addAll(side.equals("server") ? SERVER_ONLY.keySet() : CLIENT_ONLY.keySet());
            String other = (side.equals("server") ? CLIENT_ONLY : SERVER_ONLY).containsKey(option)
                    ? " (it is a " + (side.equals("server") ? "client" : "server") + " option)" : "";
            throw new ShellException(source + ": jerl does not support the " + side + " option '" + option + "'"
                    + other + "; it supports " + String.join(", ", known));
        }
        return k;
    }

    private static void put(Map<String, Object> into, String side, String option, Object value, String source) {
        Kind kind = kind(side, option, source);
        into.put(option, checked(kind, side, option, value, source));
    }

    /** The value as the setting wants it: a String for strings and atoms, Integer, Boolean, List of String. */
    private static Object checked(Kind kind, String side, String option, Object value, String source) {
        String what = source + ": " + side + " " + option;
        switch (kind) {
            case STRING -> {
                if (value instanceof String s) {
                    return s;
                }
                throw new ShellException(what + " wants a string, \"...\"" + (option.equals("password") ? "" : ", got " + value));
            }
            case STRING_OR_DISABLE -> {
                if (value instanceof String s) {
                    return s;
                }
                if (value instanceof OptionTerms.Atom a && a.name().equals("disable")) {
                    return "disable";
                }
                throw new ShellException(what + " wants a host name string or disable, got " + value);
            }
            case ATOM -> {
                if (value instanceof OptionTerms.Atom a) {
                    return a.name();
                }
                throw new ShellException(what + " wants an atom, got " + value);
            }
            case INTEGER -> {
                if (value instanceof Integer i && i >= 0) {
                    return i;
                }
                throw new ShellException(what + " wants a whole number, got " + value);
            }
            case BOOLEAN -> {
                if (value instanceof OptionTerms.Atom a && (a.name().equals("true") || a.name().equals("false"))) {
                    boolean b = a.name().equals("true");
                    if (option.equals("secure_renegotiate") && !b) {
                        throw new ShellException(what + ": jerl always renegotiates securely (RFC 5746); remove the option or set it to true");
                    }
                    if (option.equals("reuse_sessions") && !b) {
                        throw new ShellException(what + ": jerl always lets the JDK resume sessions; remove the option or set it to true");
                    }
                    return b;
                }
                throw new ShellException(what + " wants true or false, got " + value);
            }
            case ATOM_LIST, STRING_LIST -> {
                if (value instanceof List<?> l) {
                    List<String> out = new ArrayList<>();
                    for (Object x : l) {
                        if (kind == Kind.ATOM_LIST && x instanceof OptionTerms.Atom a) {
                            out.add(a.name());
                        } else if (kind == Kind.STRING_LIST && x instanceof String s) {
                            out.add(s);
                        } else {
                            throw new ShellException(what + " wants a list of " + (kind == Kind.ATOM_LIST
                                    ? "atoms, e.g. ['tlsv1.3', 'tlsv1.2']" : "cipher suite names as strings") + ", got " + x);
                        }
                    }
                    return out;
                }
                throw new ShellException(what + " wants a list, got " + value);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** A command-line value: text as given for strings; atoms, numbers and lists written as in Erlang. */
    private static Object fromText(Kind kind, String option, String text) {
        return switch (kind) {
            case STRING -> text;
            case STRING_OR_DISABLE -> text.equals("disable") ? new OptionTerms.Atom("disable") : text;
            case ATOM, BOOLEAN -> new OptionTerms.Atom(text);
            case INTEGER -> {
                try {
                    yield Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case ATOM_LIST, STRING_LIST -> OptionTerms.parse(text.strip().startsWith("[") ? text + "." : "[" + text + "].",
                    "-ssl_dist_opt " + option);
        };
    }
}
