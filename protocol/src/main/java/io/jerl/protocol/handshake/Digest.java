package io.jerl.protocol.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The handshake's proof of the shared cookie: MD5(cookie ++ decimal text of the unsigned challenge). */
public final class Digest {
    private Digest() {
    }

    public static byte[] of(String cookie, int challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(cookie.getBytes(StandardCharsets.ISO_8859_1));
            md5.update(Integer.toUnsignedString(challenge).getBytes(StandardCharsets.US_ASCII));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about the cookie. */
    public static boolean matches(String cookie, int challenge, byte[] digest) {
        return MessageDigest.isEqual(of(cookie, challenge), digest);
    }
}
