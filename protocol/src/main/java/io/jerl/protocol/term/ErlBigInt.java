package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import java.math.BigInteger;

/** An integer outside the range of a Java long. Build with {@link ErlInt#of(BigInteger)}. */
public record ErlBigInt(BigInteger value) implements Term {
    public ErlBigInt {
        if (value.bitLength() < 64) {
            throw new ProtocolException("ErlBigInt holds only integers outside the long range; use ErlInt.of");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
