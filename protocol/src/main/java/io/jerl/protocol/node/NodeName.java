package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node name, {@code alive@host}, made the way erl makes it from {@code -sname} (host up to the first dot)
 * or {@code -name} (the fully qualified host name), so that jerl and erl on one machine agree on names.
 */
public record NodeName(String alive, String host) {
    public NodeName {
        if (alive.isEmpty() || host.isEmpty() || alive.contains("@") || host.contains("@")) {
            throw new ProtocolException("'" + alive + "@" + host + "' is not a node name; expected name@host");
        }
    }

    /** Parses {@code name@host}. */
    public static NodeName parse(String full) {
        int at = full.indexOf('@');
        if (at <= 0 || at == full.length() - 1) {
            throw new ProtocolException("'" + full + "' is not a node name; expected name@host, e.g. car@server2");
        }
        return new NodeName(full.substring(0, at), full.substring(at + 1));
    }

    /** As {@code -sname}: {@code foo} becomes {@code foo@shorthost}; an explicit host must not contain dots. */
    public static NodeName shortName(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return new NodeName(name, shortHostName());
        }
        NodeName n = parse(name);
        if (n.host.contains(".")) {
            throw new ProtocolException("Can't set short node name! '" + name
                    + "' has a dotted host; use -name for fully qualified names");
        }
        return n;
    }

    /** As {@code -name}: {@code foo} becomes {@code foo@host.domain}; the host must be fully qualified or an address. */
    public static NodeName longName(String name) {
        if (name.indexOf('@') >= 0) {
            return parse(name);
        }
        String fqdn = fullHostName();
        if (!fqdn.contains(".")) {
            throw new ProtocolException("Can't set long node name! This host's name '" + fqdn
                    + "' has no domain; give one explicitly, e.g. -name " + name + "@127.0.0.1");
        }
        return new NodeName(name, fqdn);
    }

    public Atom atom() {
        return Atom.of(toString());
    }

    @Override
    public String toString() {
        return alive + "@" + host;
    }

    /** This host's name up to the first dot, as erl's inet:gethostname/0 gives it. */
    public static String shortHostName() {
        String h = hostName();
        int dot = h.indexOf('.');
        return dot < 0 ? h : h.substring(0, dot);
    }

    private static String fullHostName() {
        String h = hostName();
        if (h.contains(".")) {
            return h;
        }
        try {
            return InetAddress.getByName(h).getCanonicalHostName();
        } catch (UnknownHostException e) {
            return h;
        }
    }

    private static String hostName() {
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(proc)) {
                return Files.readString(proc).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new ProtocolException("cannot read this host's name: " + e.getMessage(), e);
        }
    }
}
