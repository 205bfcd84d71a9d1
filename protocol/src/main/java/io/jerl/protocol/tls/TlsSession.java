package io.jerl.protocol.tls;

/**
 * What a TLS distribution connection negotiated, for {@code net_kernel:node_info/1}-style reports.
 *
 * @param protocol     erl's spelling of the version: {@code tlsv1.3} or {@code tlsv1.2}
 * @param cipherSuite  the IANA name of the suite
 * @param peerSubject  the subject of the certificate the peer presented, or null if it presented none
 */
public record TlsSession(String protocol, String cipherSuite, String peerSubject) {
}
