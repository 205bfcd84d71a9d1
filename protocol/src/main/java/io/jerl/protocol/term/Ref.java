package io.jerl.protocol.term;

import io.jerl.protocol.ProtocolException;
import java.util.Arrays;

/** A reference: its node, that node's creation and 1..5 id words (uninterpreted). */
public record Ref(Atom node, int creation, int[] ids) implements Term {
    public static final int MAX_IDS = 5;

    public Ref {
        if (ids.length == 0 || ids.length > MAX_IDS) {
            throw new ProtocolException("a reference has 1 to " + MAX_IDS + " id words, got " + ids.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ref r && creation == r.creation && node.equals(r.node) && Arrays.equals(ids, r.ids);
    }

    @Override
    public int hashCode() {
        return (node.hashCode() * 31 + creation) * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
