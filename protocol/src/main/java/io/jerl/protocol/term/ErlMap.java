package io.jerl.protocol.term;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map with any terms as keys. Iteration follows insertion (or decoding) order; the encoder sorts
 * small maps into erl's key order itself.
 */
public record ErlMap(Map<Term, Term> entries) implements Term {
    public static final ErlMap EMPTY = new ErlMap(Map.of());

    public ErlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static ErlMap of(Term... keysAndValues) {
        LinkedHashMap<Term, Term> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ErlMap(m);
    }

    public int size() {
        return entries.size();
    }

    public Term get(Term key) {
        return entries.get(key);
    }

    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
