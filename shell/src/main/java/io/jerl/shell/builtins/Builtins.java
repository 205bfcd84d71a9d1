package io.jerl.shell.builtins;

import io.jerl.shell.eval.BuiltinRegistry;

/**
 * Registers every pure built-in: erlang's BIFs that need no process or node (and the operators as
 * {@code erlang:'+'/2} etc.), and the modules lists, maps, string, io, io_lib, unicode and timer (sleep and
 * unit helpers), plus os:timestamp/0 and os:system_time/0,1.
 */
public final class Builtins {
    private Builtins() {
    }

    public static void registerPure(BuiltinRegistry registry) {
        ErlangBifs.register(registry);
        ListsModule.register(registry);
        MapsModule.register(registry);
        StringModule.register(registry);
        IoModule.register(registry);
        UnicodeModule.register(registry);
        TimerModule.register(registry);
    }
}
