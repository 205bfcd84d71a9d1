package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions this node offers to peers, by module, name and arity. The embedding program registers
 * them (the shell registers its built-ins); the node itself registers the few any node must answer.
 */
public final class FunctionTable {
    private record Key(Atom module, Atom function, int arity) {
    }

    private final Map<Key, ErlFunction> functions = new ConcurrentHashMap<>();

    public void register(String module, String function, int arity, ErlFunction f) {
        functions.put(new Key(Atom.of(module), Atom.of(function), arity), f);
    }

    public ErlFunction lookup(Atom module, Atom function, int arity) {
        return functions.get(new Key(module, function, arity));
    }

    /**
     * Runs {@code module:function(args)} in {@code self}: the value, or the exception it raised. An unknown
     * function raises {@code undef} with erl's stack entry {@code [{M, F, Args, []}]}.
     */
    public Term call(Mailbox self, Atom module, Atom function, List<Term> args) throws InterruptedException {
        ErlFunction f = lookup(module, function, args.size());
        if (f == null) {
            throw new ErlangException(ErlangException.ERROR, Atom.of("undef"),
                    ErlList.of(new Tuple(module, function, ErlList.of(args), Nil.NIL)));
        }
        return f.apply(self, args);
    }
}
