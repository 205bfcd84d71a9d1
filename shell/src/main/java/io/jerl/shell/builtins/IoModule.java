package io.jerl.shell.builtins;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.IoFormat;
import io.jerl.protocol.term.format.TermWriter;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;

/**
 * Modules {@code io} (output to the caller's group leader through {@link CallContext#print}) and {@code io_lib}
 * (the same text as a value). io_lib:format returns a flat character list; erl's is deep, but equal as text.
 * Output goes to {@code standard_io}, {@code user} or {@code standard_error} alike; other devices (pids) are
 * not pure and raise badarg here.
 */
public final class IoModule {
    private static final Atom STANDARD_IO = Atom.of("standard_io");
    private static final Atom STANDARD_ERROR = Atom.of("standard_error");
    private static final Atom USER = Atom.of("user");

    private IoModule() {
    }

    public static void register(BuiltinRegistry registry) {
        Reg io = new Reg(registry, "io");
        for (String name : new String[] {"format", "fwrite"}) {
            io.c1(name, (ctx, f) -> print(ctx, STANDARD_IO, format(ctx, f, Nil.NIL)));
            io.c2(name, (ctx, f, a) -> print(ctx, STANDARD_IO, format(ctx, f, a)));
            io.c3(name, (ctx, d, f, a) -> print(ctx, d, format(ctx, f, a)));
        }
        io.c1("put_chars", (ctx, chars) -> print(ctx, STANDARD_IO, chardata(chars)));
        io.c2("put_chars", (ctx, d, chars) -> print(ctx, d, chardata(chars)));
        registry.register("io", "nl", 0, (ctx, a) -> print(ctx, STANDARD_IO, "\n"));
        io.c1("nl", (ctx, d) -> print(ctx, d, "\n"));
        io.c1("write", (ctx, t) -> print(ctx, STANDARD_IO, TermWriter.write(t, -1, false, ctx.style())));
        io.c2("write", (ctx, d, t) -> print(ctx, d, TermWriter.write(t, -1, false, ctx.style())));

        Reg lib = new Reg(registry, "io_lib");
        for (String name : new String[] {"format", "fwrite"}) {
            lib.c2(name, (ctx, f, a) -> Terms.string(format(ctx, f, a)));
        }
        lib.c1("write", (ctx, t) -> Terms.string(TermWriter.write(t, -1, false, ctx.style())));
        registry.register("io_lib", "nl", 0, (ctx, a) -> Terms.string("\n"));
    }

    /** io_lib:format's text; erl's badarg for a bad format or arguments. */
    static String format(CallContext ctx, Term f, Term args) {
        try {
            return IoFormat.format(f, args, ctx.style());
        } catch (ProtocolException e) {
            throw Errors.badarg();
        }
    }

    private static String chardata(Term chars) {
        int[] cps = StringModule.cps(chars);
        return new String(cps, 0, cps.length);
    }

    private static Term print(CallContext ctx, Term device, String text) {
        if (device != STANDARD_IO && device != USER && device != STANDARD_ERROR) {
            throw Errors.badarg();
        }
        ctx.print(text);
        return Atom.OK;
    }
}
