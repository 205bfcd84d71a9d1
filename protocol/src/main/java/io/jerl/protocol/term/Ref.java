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

    /**
     * erl compares id words as if the shorter list were padded with zeros, so {@code [1]} and {@code [1,0]} are
     * {@code =:=}. The words are kept as received, so the reference echoes back byte for byte.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ref r && creation == r.creation && node.equals(r.node)
                && Arrays.equals(ids, 0, significant(ids), r.ids, 0, significant(r.ids));
    }

    @Override
    public int hashCode() {
        int h = node.hashCode() * 31 + creation;
        for (int i = 0, n = significant(ids); i < n; i++) {
            h = h * 31 + ids[i];
        }
        return h;
    }

    private static int significant(int[] ids) {
        int n = ids.length;
        while (n > 1 && ids[n - 1] == 0) {
            n--;
        }
        return n;
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
