package io.jerl.shell.certs;

import java.nio.file.Path;

/** The text of an {@code ssl_dist.conf}, in erl's term syntax, as {@code -ssl_dist_optfile} reads it. */
public final class SslDistConf {
    private SslDistConf() {
    }

    /** Mutual TLS: both sides present {@code cert}, check the peer against {@code ca}, and the server insists on one. */
    public static String mutual(Path cert, Path key, Path ca) {
        String files = "{certfile, " + string(cert) + "},\n            {keyfile, " + string(key)
                + "},\n            {cacertfile, " + string(ca) + "},\n            {verify, verify_peer},\n"
                + "            {secure_renegotiate, true}";
        return "%% Mutual TLS for Erlang distribution, made by jerl certs.\n"
                + "%% erl and jerl: -proto_dist inet_tls -ssl_dist_optfile THIS_FILE\n"
                + "[{server, [" + files + ",\n            {fail_if_no_peer_cert, true}]},\n"
                + " {client, [" + files + "]}].\n";
    }

    /** An Erlang string literal. */
    public static String string(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
