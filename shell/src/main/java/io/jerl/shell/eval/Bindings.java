package io.jerl.shell.eval;

import io.jerl.protocol.term.Term;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variable bindings of the shell: name → term, in binding order. Mutable; {@link #copy()} gives an
 * independent scope (for a clause that may fail to match, a fun body, a comprehension).
 */
public final class Bindings {
    private final LinkedHashMap<String, Term> vars;

    public Bindings() {
        this.vars = new LinkedHashMap<>();
    }

    private Bindings(Map<String, Term> vars) {
        this.vars = new LinkedHashMap<>(vars);
    }

    /** The value of {@code name}, or null when it is unbound. */
    public Term get(String name) {
        return vars.get(name);
    }

    public boolean isBound(String name) {
        return vars.containsKey(name);
    }

    /** Binds (or rebinds) {@code name}; the matcher checks a bound variable before calling this. */
    public void bind(String name, Term value) {
        vars.put(name, value);
    }

    /** f(X) in the shell. */
    public void unbind(String name) {
        vars.remove(name);
    }

    /** f() in the shell. */
    public void clear() {
        vars.clear();
    }

    public Bindings copy() {
        return new Bindings(vars);
    }

    /** Makes this scope hold exactly what {@code other} holds (commits a clause's bindings). */
    public void replaceWith(Bindings other) {
        if (other == this) {
            return;
        }
        vars.clear();
        vars.putAll(other.vars);
    }

    /** A read-only view, in binding order (for b() in the shell). */
    public Map<String, Term> asMap() {
        return Collections.unmodifiableMap(vars);
    }

    @Override
    public String toString() {
        return vars.toString();
    }
}
