package io.jerl.protocol.term;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A binary: a whole number of bytes. The array is owned by the term; do not change it after construction. */
public record Binary(byte[] bytes) implements Term {
    public static final Binary EMPTY = new Binary(new byte[0]);

    public static Binary of(String utf8) {
        return new Binary(utf8.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
