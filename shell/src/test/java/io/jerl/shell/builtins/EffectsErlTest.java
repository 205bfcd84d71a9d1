package io.jerl.shell.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-ins whose effect is not a plain value, against erl: what io:format and friends print, and the clocks
 * (which can only agree with erl's within a margin).
 */
class EffectsErlTest {
    private static Epmd epmd;
    private static ErlNode erl;
    private static BuiltinRegistry registry;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        epmd = Epmd.start();
        erl = ErlNode.builder("effects").epmdPort(epmd.port()).start();
        registry = TestContext.pureRegistry();
    }

    @AfterAll
    static void stop() {
        if (erl != null) {
            erl.close();
        }
        if (epmd != null) {
            epmd.close();
        }
    }

    /** Has erl evaluate {@code expr} and hands the resulting term over exactly. */
    private static Term erlTerm(String expr) throws IOException {
        Path f = dir.resolve("t" + System.nanoTime());
        String p = "\"" + f.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
        erl.eval("ok = file:write_file(" + p + ", term_to_binary(" + expr + "))");
        return TermDecoder.fromBinary(Files.readAllBytes(f));
    }

    private static Term call(TestContext ctx, String m, String f, Term... args) throws InterruptedException {
        return ctx.call(Atom.of(m), Atom.of(f), List.of(args));
    }

    /** What io:format(Fmt, Args) prints on jerl equals erl's io_lib:format text for the same terms. */
    @Test
    void formatPrintsWhatErlFormats() throws Exception {
        String[] cases = {
            "{\"~p~n\", [{a, [1, 2], <<\"bin\">>, #{k => v}}]}",
            "{\"~s and ~ts~n\", [\"latin\", [16#3a9, 16#3b1]]}",
            "{\"~10.3f|~-6w|~c~n\", [3.14159, abc, $x]}",
            "{\"~tp~n\", [lists:seq(1, 40)]}",
            "{<<\"binary format ~w~n\">>, [[1.5, -0.0]]}",
        };
        for (String c : cases) {
            Tuple fa = (Tuple) erlTerm(c);
            Term text = erlTerm("unicode:characters_to_binary(io_lib:format(element(1, " + c + "), element(2, "
                    + c + ")))");
            String expected = new String(((io.jerl.protocol.term.Binary) text).bytes(), StandardCharsets.UTF_8);
            TestContext ctx = new TestContext(registry);
            assertEquals(Atom.OK, call(ctx, "io", "format", fa.get(0), fa.get(1)));
            assertEquals(expected, ctx.printed(), "io:format" + c);
            TestContext ctx3 = new TestContext(registry);
            call(ctx3, "io", "format", Atom.of("user"), fa.get(0), fa.get(1));
            assertEquals(expected, ctx3.printed(), "io:format(user, ...)" + c);
        }
    }

    @Test
    void putCharsNlAndWrite() throws Exception {
        Term data = erlTerm("[\"abc\", <<\"dé\"/utf8>>, [[$f]]]");
        TestContext ctx = new TestContext(registry);
        call(ctx, "io", "put_chars", data);
        call(ctx, "io", "nl");
        call(ctx, "io", "put_chars", Atom.of("standard_io"), data);
        Term written = erlTerm("{a, \"b\", 1.5, [c | d]}");
        call(ctx, "io", "write", written);
        Term writeText = erlTerm("unicode:characters_to_binary(io_lib:write({a, \"b\", 1.5, [c | d]}))");
        String w = new String(((io.jerl.protocol.term.Binary) writeText).bytes(), StandardCharsets.UTF_8);
        assertEquals("abcdéf\nabcdéf" + w, ctx.printed());
    }

    @Test
    void badFormatIsBadarg() throws Exception {
        assertEquals("{error,badarg}", erl.evalError("io:format(\"~p ~p\", [x])"));
        TestContext ctx = new TestContext(registry);
        ErlangException e = org.junit.jupiter.api.Assertions.assertThrows(ErlangException.class,
                () -> call(ctx, "io", "format", erlTerm("\"~p ~p\""), erlTerm("[x]")));
        assertEquals("badarg", TermPrinter.print(e.reason()));
        assertEquals("", ctx.printed());
    }

    /** System time and the calendar agree with erl's within a few seconds; native is erl's nanosecond. */
    @Test
    void clocksAgreeWithErl() throws Exception {
        TestContext ctx = new TestContext(registry);
        long erlMs = ((ErlInt) erlTerm("erlang:system_time(millisecond)")).value();
        long ours = ((ErlInt) call(ctx, "erlang", "system_time", Atom.of("millisecond"))).value();
        assertTrue(Math.abs(ours - erlMs) < 5000, "system_time: erl " + erlMs + ", jerl " + ours);
        assertEquals(erlTerm("erlang:convert_time_unit(1, second, native)"),
                call(ctx, "erlang", "convert_time_unit", ErlInt.of(1), Atom.of("second"), Atom.of("native")));
        long erlSecs = ((ErlInt) erlTerm("calendar:datetime_to_gregorian_seconds(erlang:universaltime())")).value();
        Term ourUniversal = call(ctx, "erlang", "universaltime");
        long ourSecs = ((ErlInt) erlTerm("calendar:datetime_to_gregorian_seconds("
                + TermPrinter.print(ourUniversal) + ")")).value();
        assertTrue(Math.abs(ourSecs - erlSecs) < 5, "universaltime: erl " + erlSecs + ", jerl " + ourSecs);
        long erlLocal = ((ErlInt) erlTerm("calendar:datetime_to_gregorian_seconds(erlang:localtime())")).value();
        long ourLocal = ((ErlInt) erlTerm("calendar:datetime_to_gregorian_seconds("
                + TermPrinter.print(call(ctx, "erlang", "localtime")) + ")")).value();
        assertTrue(Math.abs(ourLocal - erlLocal) < 5, "localtime: erl " + erlLocal + ", jerl " + ourLocal);
        Tuple ts = (Tuple) call(ctx, "erlang", "timestamp");
        long tsSecs = ((ErlInt) ts.get(0)).value() * 1_000_000 + ((ErlInt) ts.get(1)).value();
        assertTrue(Math.abs(tsSecs * 1000 - erlMs) < 5000, "timestamp " + ts);
    }

    @Test
    void monotonicNowAndUniqueIntegersIncrease() throws Exception {
        TestContext ctx = new TestContext(registry);
        long m1 = ((ErlInt) call(ctx, "erlang", "monotonic_time")).value();
        Term n1 = call(ctx, "erlang", "now");
        Term n2 = call(ctx, "erlang", "now");
        long u1 = ((ErlInt) call(ctx, "erlang", "unique_integer", erlTerm("[positive, monotonic]"))).value();
        long u2 = ((ErlInt) call(ctx, "erlang", "unique_integer")).value();
        long m2 = ((ErlInt) call(ctx, "erlang", "monotonic_time")).value();
        assertTrue(m2 >= m1);
        assertTrue(io.jerl.protocol.term.TermOrder.STANDARD.compare(n1, n2) < 0, n1 + " then " + n2);
        assertTrue(u1 > 0 && u2 > u1);
    }
}
