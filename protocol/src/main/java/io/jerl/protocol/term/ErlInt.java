package io.jerl.protocol.term;

import java.math.BigInteger;

/** An integer that fits in a Java long. Larger ones are {@link ErlBigInt}; {@link #of(BigInteger)} picks. */
public record ErlInt(long value) implements Term {
    private static final ErlInt[] SMALL = new ErlInt[1024 + 256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new ErlInt(i - 1024);
        }
    }

    public static ErlInt of(long v) {
        return v >= -1024 && v < 256 ? SMALL[(int) v + 1024] : new ErlInt(v);
    }

    /** The one canonical form of an integer: ErlInt when it fits in a long, else ErlBigInt. */
    public static Term of(BigInteger v) {
        return v.bitLength() < 64 ? of(v.longValue()) : new ErlBigInt(v);
    }

    public BigInteger toBigInteger() {
        return BigInteger.valueOf(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
