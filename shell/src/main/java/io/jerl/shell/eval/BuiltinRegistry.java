package io.jerl.shell.eval;

import io.jerl.protocol.term.Atom;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The modules and functions the shell knows, by module, name and arity. */
public final class BuiltinRegistry {
    private record Key(Atom module, Atom function, int arity) {
    }

    private final Map<Key, Builtin> functions = new ConcurrentHashMap<>();

    public void register(String module, String function, int arity, Builtin b) {
        functions.put(new Key(Atom.of(module), Atom.of(function), arity), b);
    }

    /** The function, or null if the shell has no such module:function/arity. */
    public Builtin lookup(Atom module, Atom function, int arity) {
        return functions.get(new Key(module, function, arity));
    }

    public boolean hasModule(Atom module) {
        return functions.keySet().stream().anyMatch(k -> k.module().equals(module));
    }

    /** Module names, sorted (for completion). */
    public Set<String> modules() {
        Set<String> out = new TreeSet<>();
        functions.keySet().forEach(k -> out.add(k.module().name()));
        return out;
    }

    /** Function name → arities of one module, sorted (for completion and h/1). */
    public Map<String, Set<Integer>> functions(String module) {
        Map<String, Set<Integer>> out = new TreeMap<>();
        Atom m = Atom.of(module);
        functions.keySet().stream().filter(k -> k.module().equals(m))
                .forEach(k -> out.computeIfAbsent(k.function().name(), x -> new TreeSet<>()).add(k.arity()));
        return out;
    }
}
