package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import java.util.Arrays;

/**
 * A bitstring whose length is not a whole number of bytes: {@code tailBits} (1..7) bits of the last byte
 * are used, counted from its most significant bit. The unused low bits are kept zero so that equal
 * bitstrings have equal arrays.
 */
public record BitString(byte[] bytes, int tailBits) implements Term {
    public BitString {
        if (tailBits < 1 || tailBits > 7 || bytes.length == 0) {
            throw new ProtocolException("a bitstring needs at least one byte and 1..7 tail bits, got "
                    + bytes.length + " bytes and " + tailBits + " bits; whole bytes are a Binary");
        }
        int last = bytes.length - 1;
        byte masked = (byte) (bytes[last] & (0xFF << (8 - tailBits)));
        if (masked != bytes[last]) {
            bytes = bytes.clone();
            bytes[last] = masked;
        }
    }

    public long bitSize() {
        return (bytes.length - 1) * 8L + tailBits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString b && tailBits == b.tailBits && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + tailBits;
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
