package io.jerl.protocol;

/**
 * The one error type of the protocol layer: malformed bytes from a peer, a refused handshake, an EPMD
 * failure, a bad argument to the library. The message says what went wrong, where, and how to fix it
 * where a fix exists.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
