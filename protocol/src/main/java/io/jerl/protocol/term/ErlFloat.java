package io.jerl.protocol.term;

/**
 * A float. Erlang floats are always finite. Equality is bitwise (Double.equals), so 0.0 and -0.0 differ,
 * as they do under {@code =:=} since OTP 27.
 */
public record ErlFloat(double value) implements Term {
    public ErlFloat {
        if (!Double.isFinite(value)) {
            throw new io.jerl.protocol.ProtocolException("Erlang floats are finite; got " + value);
        }
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
