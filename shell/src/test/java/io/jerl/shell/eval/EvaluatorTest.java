package io.jerl.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private final BuiltinRegistry registry = new BuiltinRegistry();
    private final Evaluator ev = new Evaluator(registry);
    private final CallContext ctx = ev.context(null, null, null, null);
    private final Bindings b = new Bindings();

    {
        registry.register("erlang", "is_integer", 1,
                (c, a) -> Atom.of(a.get(0) instanceof ErlInt));
        registry.register("lists", "reverse", 1, (c, a) -> {
            List<Term> l = new java.util.ArrayList<>(BasicOperators.properList(a.get(0)));
            java.util.Collections.reverse(l);
            return ErlList.of(l);
        });
        registry.register("lists", "map", 2, (c, a) -> {
            List<Term> out = new java.util.ArrayList<>();
            for (Term t : BasicOperators.properList(a.get(1))) {
                out.add(c.apply(a.get(0), List.of(t)));
            }
            return ErlList.of(out);
        });
    }

    Term run(String text) throws InterruptedException {
        ParseResult r = ExprParser.parse(text);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error: " + r);
        }
        return ev.evalBody(p.exprs(), b, ctx);
    }

    ErlangException fails(String text) {
        return assertThrows(ErlangException.class, () -> run(text));
    }

    static Term i(long v) {
        return ErlInt.of(v);
    }

    static Atom a(String s) {
        return Atom.of(s);
    }

    static Tuple t(Term... ts) {
        return new Tuple(ts);
    }

    static Term l(Term... ts) {
        return ErlList.of(ts);
    }

    @Test
    void literals() throws Exception {
        assertEquals(a("foo"), run("foo."));
        assertEquals(i(42), run("42."));
        assertEquals(new ErlFloat(1.5), run("1.5."));
        assertEquals(ErlList.ofString("abc"), run("\"abc\"."));
        assertEquals(Nil.NIL, run("\"\"."));
        assertEquals(t(i(1), a("a"), l(i(1), i(2))), run("{1, a, [1, 2]}."));
        assertEquals(new ErlList(new Term[] {i(1)}, a("b")), run("[1 | b]."));
        assertEquals(ErlInt.of(new java.math.BigInteger("100000000000000000000")), run("100000000000000000000."));
    }

    @Test
    void operators() throws Exception {
        assertEquals(i(7), run("1 + 2 * 3."));
        assertEquals(i(3), run("7 div 2."));
        assertEquals(i(1), run("7 rem 2."));
        assertEquals(new ErlFloat(3.5), run("7 / 2."));
        assertEquals(a("true"), run("1 == 1.0."));
        assertEquals(a("false"), run("1 =:= 1.0."));
        assertEquals(a("true"), run("1 < a."));
        assertEquals(l(i(1), i(2), i(3)), run("[1] ++ [2, 3]."));
        assertEquals(a("false"), run("not true."));
        assertEquals(i(-5), run("-5."));
        assertEquals(a("badarith"), fails("1 + a.").reason());
    }

    @Test
    void shortCircuit() throws Exception {
        assertEquals(a("false"), run("false andalso (1 + a)."));
        assertEquals(a("true"), run("true orelse undefined_thing()."));
        assertEquals(i(3), run("true andalso 3."));
        assertEquals(t(a("badarg"), i(1)), fails("1 andalso true.").reason());
    }

    @Test
    void matching() throws Exception {
        assertEquals(t(i(1), i(2)), run("{A, B} = {1, 2}."));
        assertEquals(i(1), b.get("A"));
        assertEquals(i(2), b.get("B"));
        assertEquals(i(3), run("A + B."));
        run("{A, _} = {1, whatever}.");
        assertEquals(t(a("badmatch"), t(i(2), i(2))), fails("{A, _} = {2, 2}.").reason());
        run("[H | T] = [1, 2, 3].");
        assertEquals(i(1), b.get("H"));
        assertEquals(l(i(2), i(3)), b.get("T"));
        run("{C, D} = X = {3, 4}.");
        assertEquals(t(i(3), i(4)), b.get("X"));
        assertEquals(i(4), b.get("D"));
        run("\"ab\" ++ Rest = \"abcd\".");
        assertEquals(ErlList.ofString("cd"), b.get("Rest"));
        run("[$h, E | _] = \"hello\".");
        assertEquals(i('e'), b.get("E"));
        run("#{k := V, 1 := W} = #{k => v, 1 => w, z => z}.");
        assertEquals(a("v"), b.get("V"));
        assertEquals(a("w"), b.get("W"));
        run("{Y, Y} = {5, 5}.");
        assertEquals(i(5), b.get("Y"));
        fails("{Z, Z} = {5, 6}.");
        assertTrue(!b.isBound("Z"), "a failed match binds nothing");
        run("-1 = -1.");
        run("[] = [].");
        fails("[_] = [].");
        fails("\"ab\" ++ _ = \"ax\".");
    }

    @Test
    void unboundVariable() {
        assertEquals(t(a("unbound"), a("Nope")), fails("Nope.").reason());
    }

    @Test
    void maps() throws Exception {
        run("M = #{a => 1, b => 2}.");
        assertEquals(ErlMap.of(a("a"), i(1), a("b"), i(2)), b.get("M"));
        assertEquals(ErlMap.of(a("a"), i(10), a("b"), i(2)), run("M#{a := 10}."));
        assertEquals(ErlMap.of(a("a"), i(1), a("b"), i(2), a("c"), i(3)), run("M#{c => 3}."));
        assertEquals(t(a("badkey"), a("c")), fails("M#{c := 3}.").reason());
        assertEquals(t(a("badmap"), i(1)), fails("X = 1, X#{a => 1}.").reason());
    }

    @Test
    void caseAndIf() throws Exception {
        assertEquals(a("two"), run("case {1, 2} of {1, 1} -> one; {1, N} when N > 1 -> two end."));
        assertEquals(i(2), b.get("N"), "case clause bindings are exported");
        assertEquals(t(a("case_clause"), i(3)), fails("case 3 of 1 -> a; 2 -> b end.").reason());
        assertEquals(a("big"), run("Q = 10, if Q < 5 -> small; Q >= 5 -> big end."));
        assertEquals(a("if_clause"), fails("if 1 > 2 -> x end.").reason());
        assertEquals(a("second"), run("if 1 + a > 0 -> first; true -> second end."), "a raising guard is false");
        assertEquals(a("int"), run("case 3 of X2 when is_integer(X2) -> int; _ -> other end."));
        assertEquals(a("yes"), run("case 3 of _ when false; true -> yes end."));
        assertEquals(a("no"), run("case 3 of _ when true, false -> yes; _ -> no end."));
    }

    @Test
    void catchExpr() throws Exception {
        registry.register("erlang", "throw", 1, (c, args) -> {
            throw ErlangException.throwing(args.get(0));
        });
        registry.register("erlang", "exit", 1, (c, args) -> {
            throw ErlangException.exit(args.get(0));
        });
        registry.register("erlang", "error", 1, (c, args) -> {
            throw ErlangException.error(args.get(0));
        });
        assertEquals(a("thrown"), run("catch throw(thrown)."));
        assertEquals(t(a("EXIT"), a("bye")), run("catch exit(bye)."));
        assertEquals(t(a("EXIT"), t(a("oops"), Nil.NIL)), run("catch error(oops)."));
        assertEquals(i(3), run("catch 1 + 2."));
        Term r = run("catch 1 + a.");
        assertTrue(r instanceof Tuple tt && tt.get(0).equals(a("EXIT"))
                && ((Tuple) tt.get(1)).get(0).equals(a("badarith")), r.toString());
    }

    @Test
    void tryExpr() throws Exception {
        registry.register("erlang", "throw", 1, (c, args) -> {
            throw ErlangException.throwing(args.get(0));
        });
        registry.register("erlang", "exit", 1, (c, args) -> {
            throw ErlangException.exit(args.get(0));
        });
        assertEquals(t(a("caught"), a("x")), run("try throw(x) catch X1 -> {caught, X1} end."));
        assertEquals(t(a("exit"), a("y")), run("try exit(y) catch throw:_ -> no; C1:R1 -> {C1, R1} end."));
        assertEquals(a("badarith"), run("try 1 + a catch error:R2:S2 when is_list(S2) -> R2; error:R2 -> R2 end."));
        assertEquals(t(a("ok"), i(2)), run("try 1 + 1 of N3 -> {ok, N3} catch _ -> no end."));
        assertEquals(t(a("try_clause"), i(2)), fails("try 1 + 1 of 3 -> three catch _ -> no end.").reason());
        assertEquals(a("y"), fails("try exit(y) catch throw:_ -> no end.").reason());
        run("Self = 1.");
        assertEquals(i(5), run("try 5 after put_nothing end."));
        assertEquals(a("zz"), fails("try exit(zz) after 1 end.").reason());
    }

    @Test
    void funs() throws Exception {
        run("F = fun(X) -> X * 2 end.");
        assertTrue(b.get("F") instanceof Fun);
        assertEquals(i(10), run("F(5)."));
        assertEquals(l(i(2), i(4)), run("lists:map(F, [1, 2])."));
        run("K = 100, G = fun(X) -> X + K end.");
        assertEquals(i(101), run("G(1)."));
        run("X = 7.");
        assertEquals(i(1), run("(fun(X) -> X end)(1)."), "fun head variables shadow");
        run("Fact = fun Fa(0) -> 1; Fa(N) when N > 0 -> N * Fa(N - 1) end.");
        assertEquals(i(120), run("Fact(5)."));
        ErlangException e = fails("Fact(-1).");
        assertEquals(a("function_clause"), e.reason());
        e = fails("F(1, 2).");
        assertEquals(t(a("badarity"), t(b.get("F"), l(i(1), i(2)))), e.reason());
        assertEquals(t(a("badfun"), i(7)), fails("X(1).").reason());
        assertEquals(i(0), run("(fun() -> 0 end)()."));
        assertEquals(i(11), ctx.apply(b.get("G"), List.of(i(-89))));
    }

    @Test
    void funRefsAndCalls() throws Exception {
        assertEquals(new ExportFun(a("lists"), a("reverse"), 1), run("fun lists:reverse/1."));
        assertEquals(l(i(2), i(1)), run("R = fun lists:reverse/1, R([1, 2])."));
        assertEquals(l(i(3), i(2)), run("lists:reverse([2, 3])."));
        assertEquals(l(i(1)), ctx.apply(b.get("R"), List.of(l(i(1)))));
        assertEquals(a("true"), run("is_integer(3)."));
        ErlangException e = fails("nomod:nofun(1, 2).");
        assertEquals(a("undef"), e.reason());
        assertEquals(l(t(a("nomod"), a("nofun"), l(i(1), i(2)), Nil.NIL)), e.stacktrace());
        assertEquals(t(a("shell_undef"), a("nofun"), i(0), Nil.NIL), fails("nofun().").reason());
        assertEquals(a("undef"), fails("(fun nomod:f/0)().").reason());
        assertEquals(l(i(3), i(2)), run("M = lists, Fn = reverse, M:Fn([2, 3])."));
    }

    @Test
    void comprehensions() throws Exception {
        assertEquals(l(i(2), i(4), i(6)), run("[X * 2 || X <- [1, 2, 3]]."));
        assertEquals(l(i(2)), run("[X || X <- [1, 2, 3], X rem 2 == 0]."));
        assertEquals(l(t(i(1), a("a")), t(i(1), a("b")), t(i(2), a("a")), t(i(2), a("b"))),
                run("[{X, Y} || X <- [1, 2], Y <- [a, b]]."));
        assertEquals(l(i(1), i(3)), run("[X || {X, ok} <- [{1, ok}, {2, no}, {3, ok}]]."));
        assertTrue(!b.isBound("X"), "generator variables do not leak");
        assertEquals(t(a("bad_generator"), a("x")), fails("[X || X <- x].").reason());
        run("Z = 1.");
        assertEquals(l(i(2), i(3)), run("[Z || Z <- [2, 3]]."), "generator variables shadow");
    }

    @Test
    void blocks() throws Exception {
        assertEquals(i(3), run("begin A = 1, B = 2, A + B end."));
        assertEquals(i(1), b.get("A"));
    }

    @Test
    void sendWithoutProcessIsBadarg() {
        assertEquals(a("badarg"), fails("1 ! hello.").reason());
    }

    @Test
    void tailCallsDoNotGrowTheStack() throws Exception {
        assertEquals(a("done"), run("Loop = fun L(0) -> done; L(N) -> L(N - 1) end, Loop(1000000)."));
        assertEquals(i(500000500000L), run(
                "Sum = fun S(0, Acc) -> Acc; S(N, Acc) -> case N rem 2 of 0 -> S(N - 1, Acc + N);"
                + " _ -> begin S(N - 1, Acc + N) end end end, Sum(1000000, 0)."));
        assertEquals(a("system_limit"), fails("Deep = fun D(0) -> 0; D(N) -> 1 + D(N - 1) end, Deep(1000000).").reason());
        assertEquals(i(6), run("Fac = fun Fc(0) -> 1; Fc(N) -> N * Fc(N - 1) end, Fac(3)."));
    }
}
