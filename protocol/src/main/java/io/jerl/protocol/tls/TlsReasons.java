package io.jerl.protocol.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

/** A TLS failure in words: what the peer did, and what to change. Never the bytes of a key or a cookie. */
final class TlsReasons {
    private static final String ALERT = "Received fatal alert: ";

    private TlsReasons() {
    }

    /** {@code afterHandshake}: the TLS session had been set up (TLS 1.3 refuses client certificates only then). */
    static String explain(Throwable cause, boolean afterHandshake, Duration timeout) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TlsRefusal r) {
                return r.getMessage();
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof NotSslRecordException) {
                return "sent plain TCP, not TLS: it does not use TLS distribution (start it with -proto_dist inet_tls,"
                        + " or this node without)";
            }
            if (t instanceof SslHandshakeTimeoutException) {
                return "did not complete the TLS handshake within " + timeout.toMillis() + " ms: it may be a plain-TCP"
                        + " node (both sides need -proto_dist inet_tls) or too slow to answer";
            }
            if (m.startsWith(ALERT)) {
                return alert(m.substring(ALERT.length()).strip());
            }
            if (m.contains("Empty client certificate chain") || m.contains("Empty server certificate chain")) {
                return "presented no certificate, and this node requires one (verify_peer with fail_if_no_peer_cert)";
            }
            if (m.contains("no cipher suites in common") || m.contains("No appropriate protocol")) {
                return "has no TLS version or cipher in common with this node (" + m + ")";
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClosedChannelException || String.valueOf(root.getMessage()).contains("closed")) {
            return afterHandshake ? "closed the TLS connection" : "closed the connection during the TLS handshake: it"
                    + " may be a plain-TCP node (both sides need -proto_dist inet_tls) or have refused this node's certificate";
        }
        return "TLS failed: " + (root.getMessage() != null ? root.getMessage() : root.toString());
    }

    /** An alert the peer sent: its verdict on us, in its TLS library's words (erl's ssl sends these names). */
    private static String alert(String name) {
        return switch (name) {
            case "unknown_ca" -> "refused this node's certificate (unknown_ca): it does not trust the CA that signed"
                    + " it; give both nodes the same cacertfile";
            case "certificate_expired" -> "refused this node's certificate (certificate_expired): renew it";
            case "certificate_required" -> "requires a certificate and this node presented none (certificate_required):"
                    + " set certfile and keyfile for the client side";
            case "bad_certificate", "certificate_unknown", "unsupported_certificate" -> "refused this node's certificate ("
                    + name + "): check that it is signed by the CA the peer trusts and names this host";
            case "handshake_failure" -> "refused the TLS handshake (handshake_failure): no TLS version or cipher in"
                    + " common, or it wants a certificate this node did not present";
            case "protocol_version" -> "has no TLS version in common with this node (protocol_version)";
            case "access_denied" -> "refused this node (access_denied)";
            default -> "ended the TLS session with the alert " + name;
        };
    }
}
