package io.jerl.shell.builtins;

import io.jerl.protocol.term.Term;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;

/** Registers functions of one module with less ceremony: pure ones take terms, others the call context too. */
final class Reg {
    private final BuiltinRegistry registry;
    private final String module;

    Reg(BuiltinRegistry registry, String module) {
        this.registry = registry;
        this.module = module;
    }

    @FunctionalInterface
    interface F0 {
        Term apply();
    }

    @FunctionalInterface
    interface F1 {
        Term apply(Term a);
    }

    @FunctionalInterface
    interface F2 {
        Term apply(Term a, Term b);
    }

    @FunctionalInterface
    interface F3 {
        Term apply(Term a, Term b, Term c);
    }

    @FunctionalInterface
    interface F4 {
        Term apply(Term a, Term b, Term c, Term d);
    }

    /** A function that calls funs (through the context) or prints. */
    @FunctionalInterface
    interface C1 {
        Term apply(CallContext ctx, Term a) throws InterruptedException;
    }

    @FunctionalInterface
    interface C2 {
        Term apply(CallContext ctx, Term a, Term b) throws InterruptedException;
    }

    @FunctionalInterface
    interface C3 {
        Term apply(CallContext ctx, Term a, Term b, Term c) throws InterruptedException;
    }

    @FunctionalInterface
    interface C4 {
        Term apply(CallContext ctx, Term a, Term b, Term c, Term d) throws InterruptedException;
    }

    void f0(String name, F0 f) {
        registry.register(module, name, 0, (ctx, a) -> f.apply());
    }

    void f1(String name, F1 f) {
        registry.register(module, name, 1, (ctx, a) -> f.apply(a.get(0)));
    }

    void f2(String name, F2 f) {
        registry.register(module, name, 2, (ctx, a) -> f.apply(a.get(0), a.get(1)));
    }

    void f3(String name, F3 f) {
        registry.register(module, name, 3, (ctx, a) -> f.apply(a.get(0), a.get(1), a.get(2)));
    }

    void f4(String name, F4 f) {
        registry.register(module, name, 4, (ctx, a) -> f.apply(a.get(0), a.get(1), a.get(2), a.get(3)));
    }

    void c1(String name, C1 f) {
        registry.register(module, name, 1, (ctx, a) -> f.apply(ctx, a.get(0)));
    }

    void c2(String name, C2 f) {
        registry.register(module, name, 2, (ctx, a) -> f.apply(ctx, a.get(0), a.get(1)));
    }

    void c3(String name, C3 f) {
        registry.register(module, name, 3, (ctx, a) -> f.apply(ctx, a.get(0), a.get(1), a.get(2)));
    }

    void c4(String name, C4 f) {
        registry.register(module, name, 4, (ctx, a) -> f.apply(ctx, a.get(0), a.get(1), a.get(2), a.get(3)));
    }
}
