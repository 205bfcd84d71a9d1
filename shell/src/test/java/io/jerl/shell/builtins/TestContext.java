package io.jerl.shell.builtins;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.Builtin;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.util.List;

/**
 * A call context for tests: no process or node; {@code fun M:F/A} is applied through the registry (erl's
 * {@code undef}, {@code badarity} and {@code badfun} otherwise); printed text is collected.
 */
final class TestContext implements CallContext {
    private final BuiltinRegistry registry;
    private final StringBuilder printed = new StringBuilder();

    TestContext(BuiltinRegistry registry) {
        this.registry = registry;
    }

    static BuiltinRegistry pureRegistry() {
        BuiltinRegistry r = new BuiltinRegistry();
        Builtins.registerPure(r);
        return r;
    }

    @Override
    public Mailbox self() {
        return null;
    }

    @Override
    public Node node() {
        return null;
    }

    /** There are no processes here: the same context serves (self() stays null, output is collected). */
    @Override
    public CallContext forProcess(Mailbox process, java.util.function.Consumer<String> out) {
        return this;
    }

    @Override
    public Term apply(Term fun, List<Term> args) throws InterruptedException {
        if (!(fun instanceof ExportFun e)) {
            throw ErlangException.error(new Tuple(Atom.of("badfun"), fun));
        }
        if (e.arity() != args.size()) {
            throw ErlangException.error(new Tuple(Atom.of("badarity"), new Tuple(fun, ErlList.of(args))));
        }
        return call(e.module(), e.function(), args);
    }

    Term call(Atom module, Atom function, List<Term> args) throws InterruptedException {
        Builtin b = registry.lookup(module, function, args.size());
        if (b == null) {
            throw ErlangException.error(Atom.of("undef"));
        }
        return b.apply(this, args);
    }

    @Override
    public TermStyle style() {
        return TermStyle.of(Atom.of("nonode@nohost"));
    }

    @Override
    public void print(String text) {
        printed.append(text);
    }

    String printed() {
        return printed.toString();
    }
}
