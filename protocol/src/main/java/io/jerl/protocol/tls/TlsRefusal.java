package io.jerl.protocol.tls;

import java.security.cert.CertificateException;

/**
 * A peer certificate jerl's trust check refused, with the reason in words a reader can act on. The JDK turns
 * it into the TLS alert the peer receives; jerl's log line takes its message from here.
 */
final class TlsRefusal extends CertificateException {
    TlsRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
