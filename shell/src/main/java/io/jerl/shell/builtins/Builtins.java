package io.jerl.shell.builtins;

import io.jerl.shell.eval.BuiltinRegistry;

/** Registers every pure built-in module: erlang's pure BIFs and operators, lists, maps, string, io and friends. */
public final class Builtins {
    private Builtins() {
    }

    public static void registerPure(BuiltinRegistry registry) {
        ErlangBifs.register(registry);
        ListsModule.register(registry);
        MapsModule.register(registry);
    }
}
