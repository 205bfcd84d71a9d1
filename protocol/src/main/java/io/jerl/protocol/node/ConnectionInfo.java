package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.tls.TlsSession;
import java.net.InetSocketAddress;

/**
 * One live connection, as {@code net_kernel:node_info/1} reports it.
 *
 * @param peer    the node at the other end
 * @param hidden  whether it is hidden (not in {@code nodes()})
 * @param address its address and port
 * @param tls     what its TLS session negotiated, or null on plain TCP
 */
public record ConnectionInfo(Atom peer, boolean hidden, InetSocketAddress address, TlsSession tls) {
}
