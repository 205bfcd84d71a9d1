package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinComp;
import io.jerl.grammar.ast.BinExpr;
import io.jerl.grammar.ast.BinGenerator;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.BinSegment;
import io.jerl.grammar.ast.Block;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.CaseExpr;
import io.jerl.grammar.ast.CatchClause;
import io.jerl.grammar.ast.CatchExpr;
import io.jerl.grammar.ast.Clause;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.Filter;
import io.jerl.grammar.ast.FloatLit;
import io.jerl.grammar.ast.FunExpr;
import io.jerl.grammar.ast.FunRef;
import io.jerl.grammar.ast.Generator;
import io.jerl.grammar.ast.IfExpr;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListComp;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.MapAssoc;
import io.jerl.grammar.ast.MapExpr;
import io.jerl.grammar.ast.Match;
import io.jerl.grammar.ast.Pos;
import io.jerl.grammar.ast.ReceiveExpr;
import io.jerl.grammar.ast.Send;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.Subexpressions;
import io.jerl.grammar.ast.TryExpr;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.TypeSpecifier;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade's results: AST shapes (precedence, associativity), node contents, positions, and error reports. */
class ExprParserTest {

    static List<Expr> parse(String text) {
        ParseResult r = ExprParser.parse(text);
        if (r instanceof ParseResult.SyntaxError e) {
            throw new AssertionError("did not parse: " + text + "\n" + e.erlStyle());
        }
        return ((ParseResult.Parsed) r).exprs();
    }

    static Expr one(String text) {
        List<Expr> exprs = parse(text);
        assertEquals(1, exprs.size(), "one expression in " + text);
        return exprs.get(0);
    }

    static ParseResult.SyntaxError error(String text) {
        ParseResult r = ExprParser.parse(text);
        return assertInstanceOf(ParseResult.SyntaxError.class, r, "should not parse: " + text);
    }

    static String shape(String text) {
        return Sexp.of(parse(text));
    }

    // ------------------------------------------------------------------------------- precedence, associativity

    @Test
    void multiplicationBindsTighterThanAdditionAndMatchIsLowest() {
        assertEquals("(= X (+ 1 (* 2 3)))", shape("X = 1 + 2 * 3."));
    }

    @Test
    void sendAndMatchAreRightAssociative() {
        assertEquals("(! A (! B C))", shape("A ! B ! C."));
        assertEquals("(= X (= Y 1))", shape("X = Y = 1."));
        assertEquals("(= a (! b c))", shape("a = b ! c."));
    }

    @Test
    void andalsoBindsTighterThanOrelse() {
        assertEquals("(orelse a (andalso b c))", shape("a orelse b andalso c."));
        assertEquals("(orelse (andalso a b) (not c))", shape("a andalso b orelse not c."));
        assertEquals("(andalso a (andalso b c))", shape("a andalso b andalso c."));
    }

    @Test
    void prefixMinusBindsTighterThanAddition() {
        assertEquals("(+ (- 1) 2)", shape("- 1 + 2."));
        assertEquals("(- (- 1))", shape("- - 1."));
        assertEquals("(= (not X) Y)", shape("not X = Y."));
    }

    @Test
    void listOperatorsAreRightAssociativeAndLooserThanArithmetic() {
        assertEquals("(++ [1 2 | T] (-- L M))", shape("[1,2|T] ++ L -- M."));
        assertEquals("(++ A (++ B C))", shape("A ++ B ++ C."));
        assertEquals("(++ (+ 1 2) L)", shape("1 + 2 ++ L."));
    }

    @Test
    void arithmeticIsLeftAssociative() {
        assertEquals("(- (- 1 2) 3)", shape("1 - 2 - 3."));
        assertEquals("(/ (/ 8 2) 2)", shape("8 / 2 / 2."));
        assertEquals("(bor (band (bnot 1) 2) 3)", shape("bnot 1 band 2 bor 3."));
    }

    @Test
    void comparisonsSitBetweenListOpsAndAndalso() {
        assertEquals("(andalso (== (+ 1 2) 3) (> 4 3))", shape("1 + 2 == 3 andalso 4 > 3."));
        assertEquals("(= X (== Y Z))", shape("X = Y == Z."));
        assertEquals("* 1:8: syntax error before: '=='", error("a == b == c.").erlStyle());
    }

    @Test
    void catchTakesEverythingAfterIt() {
        assertEquals("(catch (+ 1 2))", shape("catch 1 + 2."));
        assertEquals("(= X (catch (+ 1 2)))", shape("X = catch 1 + 2."));
        assertEquals("(+ 1 (catch (* 2 3)))", shape("1 + catch 2 * 3."));
        assertEquals("(== a (catch (== b c)))", shape("a == catch b == c."));
    }

    @Test
    void chainedMapUpdatesNestLeftToRight() {
        Expr e = one("M#{a := 1}#{b => 2}.");
        assertEquals("(#{} (#{} M a:=1) b=>2)", Sexp.of(e));
        MapExpr outer = (MapExpr) e;
        MapExpr inner = (MapExpr) outer.base();
        assertEquals(new Var(new Pos(1, 1), "M"), inner.base());
        assertTrue(inner.assocs().get(0).exact());
        assertFalse(outer.assocs().get(0).exact());
        assertEquals(new Pos(1, 2), inner.pos());
        assertEquals(new Pos(1, 11), outer.pos());
        assertEquals("(#{} (#{} a=>1) b=>2)", shape("#{a => 1}#{b => 2}."));
        assertEquals("(- (#{} X a=>1))", shape("- X#{a => 1}."));
    }

    @Test
    void mapPatternInAMatch() {
        Match m = (Match) one("#{a := X} = M.");
        MapExpr pattern = (MapExpr) m.pattern();
        assertNull(pattern.base());
        assertEquals(new MapAssoc(new Pos(1, 5), new AtomLit(new Pos(1, 3), "a"), new Var(new Pos(1, 8), "X"), true),
                pattern.assocs().get(0));
    }

    // ------------------------------------------------------------------------------------------------- positions

    @Test
    void nodesCarryTheAnnotationsErlParseGives() {
        // erl_parse: {match,{1,1},{var,{1,1},'X'},{op,{1,7},'+',{integer,{1,5},1},{op,{1,14},'*',
        //   {call,{1,9},{atom,{1,9},f},[{integer,{1,11},2}]},{op,{1,16},'-',{integer,{1,17},3}}}}}
        Match m = (Match) one("X = 1 + f(2) * -3.");
        assertEquals(new Pos(1, 1), m.pos());
        BinOp plus = (BinOp) m.value();
        assertEquals(new Pos(1, 7), plus.pos());
        assertEquals(new Pos(1, 5), plus.left().pos());
        BinOp times = (BinOp) plus.right();
        assertEquals(new Pos(1, 14), times.pos());
        Call call = (Call) times.left();
        assertEquals(new Pos(1, 9), call.pos());
        assertEquals(new Pos(1, 11), call.args().get(0).pos());
        UnaryOp minus = (UnaryOp) times.right();
        assertEquals(new Pos(1, 16), minus.pos());
        assertEquals(new Pos(1, 17), minus.operand().pos());
    }

    @Test
    void callsAreAnnotatedWhereTheCalledExpressionStarts() {
        List<Expr> es = parse("m:f(1), M:F(), (fun m:f/1)(2), fun f/1.");
        assertEquals(new Pos(1, 1), es.get(0).pos());
        assertEquals(new Pos(1, 9), es.get(1).pos());
        assertEquals(new Pos(1, 17), es.get(2).pos()); // the 'fun' inside the parentheses
        assertEquals(new Pos(1, 32), es.get(3).pos());
    }

    @Test
    void clausesAndQualifiersAreAnnotatedLikeErl() {
        CaseExpr c = (CaseExpr) one("case X of {a, Y} when Y > 0; Y < -1 -> ok; _ -> no end.");
        assertEquals(new Pos(1, 1), c.pos());
        assertEquals(new Pos(1, 11), c.clauses().get(0).pos());
        assertEquals(new Pos(1, 44), c.clauses().get(1).pos());
        ListComp lc = (ListComp) one("[X || X <- L, X > 1].");
        assertEquals(new Pos(1, 9), lc.qualifiers().get(0).pos());
        assertEquals(new Pos(1, 17), lc.qualifiers().get(1).pos());
        FunExpr named = (FunExpr) one("fun F(0) -> 1; F(N) -> N end.");
        assertEquals(new Pos(1, 5), named.clauses().get(0).pos());
        FunExpr anon = (FunExpr) one("fun (X) when X -> X end.");
        assertEquals(new Pos(1, 5), anon.clauses().get(0).pos());
        TryExpr t = (TryExpr) one("try f() of R -> R catch error:E:S -> E; Z -> Z end.");
        assertEquals(new Pos(1, 25), t.catchClauses().get(0).pos());
        assertEquals(new Pos(1, 41), t.catchClauses().get(1).pos());
    }

    @Test
    void positionsCountLinesAndColumnsFromOne() {
        List<Expr> es = parse("X = 1,\n  Y = \"two\nlines\",\n\tZ.");
        assertEquals(new Pos(1, 1), es.get(0).pos());
        assertEquals(new Pos(2, 3), es.get(1).pos());
        assertEquals(new Pos(2, 7), ((Match) es.get(1)).value().pos());
        assertEquals(new Pos(4, 2), es.get(2).pos()); // a tab is one column, as in erl
    }

    // ---------------------------------------------------------------------------------------------- literals

    @Test
    void atomsAndVariables() {
        assertEquals(new AtomLit(new Pos(1, 1), "foo@ROGER-SURFACE-GO"), one("'foo@ROGER-SURFACE-GO'."));
        assertEquals("a\nb'c", ((AtomLit) one("'a\\nb\\'c'.")).name());
        assertEquals("maybe", ((AtomLit) one("maybe.")).name()); // not reserved in OTP 25
        Var v = (Var) one("_.");
        assertTrue(v.isAnonymous());
        assertTrue(((Var) one("_Foo.")).isUnderscored());
        assertFalse(((Var) one("_Foo.")).isAnonymous());
    }

    @Test
    void integersAndCharacters() {
        assertEquals(BigInteger.valueOf(1_000_000), ((IntLit) one("1_000_000.")).value());
        assertEquals(BigInteger.valueOf(0xFFFF), ((IntLit) one("16#FF_FF.")).value());
        assertEquals(BigInteger.valueOf(35 * 36 + 35), ((IntLit) one("36#Zz.")).value());
        assertEquals(new BigInteger("123456789012345678901234567890"),
                ((IntLit) one("123456789012345678901234567890.")).value());
        assertEquals(BigInteger.valueOf('a'), ((IntLit) one("$a.")).value());
        assertEquals(BigInteger.valueOf('\n'), ((IntLit) one("$\\n.")).value());
        assertEquals(BigInteger.valueOf(' '), ((IntLit) one("$\\s.")).value());
        assertEquals(BigInteger.valueOf(0x41), ((IntLit) one("$\\x{41}.")).value());
        assertEquals(BigInteger.ONE, ((IntLit) one("$\\^A.")).value());
        assertEquals(BigInteger.valueOf(0x1F600), ((IntLit) one("$\\x{1F600}.")).value());
    }

    @Test
    void floats() {
        assertEquals(1.5, ((FloatLit) one("1.5.")).value());
        assertEquals(2.0e10, ((FloatLit) one("2.0e10.")).value());
        assertEquals(10.01, ((FloatLit) one("1_0.0_1.")).value());
        assertEquals("* 1:1: illegal float", error("1.0e400.").erlStyle());
        // "1." then end: an integer and the dot.
        assertEquals(BigInteger.ONE, ((IntLit) one("1.")).value());
    }

    @Test
    void stringsDecodeEscapesAndJoin() {
        assertEquals(new StringLit(new Pos(1, 1), "abcd"), one("\"ab\" \"cd\"."));
        assertEquals("\n\t\"\\", ((StringLit) one("\"\\n\\t\\\"\\\\\".")).value());
        assertEquals("AB\u0041\u0001\u001b\u007f z", ((StringLit) one("\"\\x41\\x{42}\\101\\^a\\e\\d\\s\\z\".")).value());
        assertEquals("\u0100\u01ff", ((StringLit) one("\"\\400\\777\".")).value());
        assertEquals("é€😀", ((StringLit) one("\"é€😀\".")).value());
        assertEquals("", ((StringLit) one("\"\".")).value());
    }

    // --------------------------------------------------------------------------------------- compound terms

    @Test
    void listsAndTuples() {
        ListExpr empty = (ListExpr) one("[].");
        assertTrue(empty.elements().isEmpty());
        assertNull(empty.tail());
        ListExpr l = (ListExpr) one("[1, 2 | T].");
        assertEquals(2, l.elements().size());
        assertEquals(new Var(new Pos(1, 9), "T"), l.tail());
        assertEquals("{a 1 \"s\" {b [c]}}", shape("{a, 1, \"s\", {b, [c]}}."));
        assertTrue(((TupleExpr) one("{}.")).elements().isEmpty());
    }

    @Test
    void binarySegmentsKeepSizeAndSpecifiers() {
        BinExpr b = (BinExpr) one("<<1:4/little-signed-integer-unit:8, Rest/binary, \"a\", (X+1):N>>.");
        BinSegment first = b.segments().get(0);
        assertEquals(BigInteger.valueOf(4), ((IntLit) first.size()).value());
        assertEquals(List.of(new TypeSpecifier("little", null), new TypeSpecifier("signed", null),
                new TypeSpecifier("integer", null), new TypeSpecifier("unit", 8)), first.types());
        assertEquals(List.of("little", "signed", "integer"), first.typeNames());
        assertEquals(8, first.unit());
        BinSegment rest = b.segments().get(1);
        assertNull(rest.size());
        assertEquals(List.of("binary"), rest.typeNames());
        assertNull(rest.unit());
        assertInstanceOf(StringLit.class, b.segments().get(2).value());
        assertTrue(b.segments().get(2).types().isEmpty());
        assertInstanceOf(BinOp.class, b.segments().get(3).value());
        assertInstanceOf(Var.class, b.segments().get(3).size());
        assertTrue(((BinExpr) one("<<>>.")).segments().isEmpty());
        BinExpr signed = (BinExpr) one("<<-1:8>>.");
        assertEquals(new Pos(1, 3), signed.segments().get(0).pos());
        assertInstanceOf(UnaryOp.class, signed.segments().get(0).value());
    }

    // ------------------------------------------------------------------------------------ calls and funs

    @Test
    void localAndRemoteCalls() {
        Call local = (Call) one("f(X).");
        assertNull(local.module());
        assertFalse(local.isRemote());
        assertEquals(new AtomLit(new Pos(1, 1), "f"), local.function());
        Call remote = (Call) one("M:F(A, B).");
        assertEquals(new Var(new Pos(1, 1), "M"), remote.module());
        assertEquals(new Var(new Pos(1, 3), "F"), remote.function());
        assertEquals(2, remote.args().size());
        Call applied = (Call) one("(fun (X) -> X end)(1).");
        assertInstanceOf(FunExpr.class, applied.function());
        assertEquals("(call net_kernel:connect_node car@server2)", shape("net_kernel:connect_node(car@server2)."));
    }

    @Test
    void printedPidsPortsRefsAndFunsReadAsTheShellReadsThem() {
        assertEquals("(call erlang:list_to_pid \"<0.85.0>\")", shape("<0.85.0>."));
        assertEquals("(call erlang:list_to_pid \"<0.85.0>\")", shape("< 0.85.0 >."));
        assertEquals("(call erlang:list_to_port \"#Port<0.5>\")", shape("#Port<0.5>."));
        assertEquals("(call erlang:list_to_ref \"#Ref<0.1.2.3>\")", shape("#Ref<0.1.2.3>."));
        FunRef fun = (FunRef) one("#Fun<lists.map.2>.");
        assertEquals(new AtomLit(new Pos(1, 1), "lists"), fun.module());
        assertEquals(new IntLit(new Pos(1, 1), BigInteger.TWO), fun.arity());
        assertInstanceOf(io.jerl.grammar.ast.Send.class, one("<0.85.0> ! hi."));
    }

    @Test
    void funReferences() {
        FunRef local = (FunRef) one("fun f/1.");
        assertNull(local.module());
        assertEquals(new AtomLit(new Pos(1, 5), "f"), local.name());
        assertEquals(new IntLit(new Pos(1, 7), BigInteger.ONE), local.arity());
        FunRef remote = (FunRef) one("fun m:f/2.");
        assertEquals(new AtomLit(new Pos(1, 5), "m"), remote.module());
        FunRef vars = (FunRef) one("fun M:F/A.");
        assertEquals(new Var(new Pos(1, 9), "A"), vars.arity());
    }

    @Test
    void funsWithClausesGuardsAndNames() {
        FunExpr f = (FunExpr) one("fun (X, Y) when is_integer(X), X > 0; Y == 0 -> ok; (_, _) -> no end.");
        assertNull(f.name());
        assertEquals(2, f.arity());
        Clause first = f.clauses().get(0);
        assertEquals(2, first.guards().size());
        assertEquals(2, first.guards().get(0).size());
        assertEquals(1, first.guards().get(1).size());
        assertTrue(f.clauses().get(1).guards().isEmpty());
        FunExpr fact = (FunExpr) one("fun Fact(0) -> 1; Fact(N) -> N * Fact(N-1) end.");
        assertEquals("Fact", fact.name());
        assertEquals("(* N (call Fact (- N 1)))", Sexp.of(fact.clauses().get(1).body().get(0)));
        assertEquals("* 1:16: head mismatch", error("fun A(1) -> 1; B(2) -> 2 end.").erlStyle());
        assertEquals("* 1:14: head mismatch", error("fun(X) -> 1; (X, Y) -> 2 end.").erlStyle());
    }

    @Test
    void seed002InErlang() {
        Call spawn = (Call) one("spawn(fun() -> receive Msg -> io:format(\"I got a message! ~p~n\", [Msg]) end end).");
        FunExpr f = (FunExpr) spawn.args().get(0);
        assertEquals(0, f.arity());
        ReceiveExpr r = (ReceiveExpr) f.clauses().get(0).body().get(0);
        assertEquals(new Var(new Pos(1, 24), "Msg"), r.clauses().get(0).patterns().get(0));
        assertEquals("(call io:format \"I got a message! ~p~n\" [Msg])", Sexp.of(r.clauses().get(0).body().get(0)));
        assertNull(r.afterTimeout());
        Send send = (Send) one("global:whereis_name(server) ! \"hello from node 2!\".");
        assertEquals(new Pos(1, 29), send.pos());
        assertEquals("(call global:register_name server Pid)", shape("global:register_name(server, Pid)."));
    }

    // -------------------------------------------------------------------------------------- control flow

    @Test
    void receiveWithAfter() {
        ReceiveExpr onlyAfter = (ReceiveExpr) one("receive after 100 -> ok end.");
        assertTrue(onlyAfter.clauses().isEmpty());
        assertEquals(BigInteger.valueOf(100), ((IntLit) onlyAfter.afterTimeout()).value());
        assertEquals(List.of(new AtomLit(new Pos(1, 22), "ok")), onlyAfter.afterBody());
        ReceiveExpr both = (ReceiveExpr) one("receive {P, ping} when is_pid(P) -> P ! pong after infinity -> ok end.");
        assertEquals(1, both.clauses().size());
        assertEquals(1, both.clauses().get(0).guards().size());
        assertEquals(new AtomLit(new Pos(1, 52), "infinity"), both.afterTimeout());
    }

    @Test
    void ifCaseBeginCatch() {
        IfExpr i = (IfExpr) one("if X, Y; Z -> 1; true -> 2 end.");
        assertEquals(2, i.clauses().size());
        assertTrue(i.clauses().get(0).patterns().isEmpty());
        assertEquals(2, i.clauses().get(0).guards().size());
        CaseExpr c = (CaseExpr) one("case f(X) of {ok, V} -> V; {error, _} = E -> E end.");
        assertEquals(1, c.clauses().get(1).patterns().size());
        assertInstanceOf(Match.class, c.clauses().get(1).patterns().get(0));
        assertEquals(2, ((Block) one("begin 1, 2 end.")).body().size());
        assertInstanceOf(Call.class, ((CatchExpr) one("catch f().")).expr());
    }

    @Test
    void tryWithOfCatchAndAfter() {
        TryExpr t = (TryExpr) one("try f() of R -> R catch error:E:S -> {E, S}; throw:T -> T; Z -> Z after done end.");
        assertEquals(1, t.body().size());
        assertEquals(1, t.ofClauses().size());
        assertEquals(3, t.catchClauses().size());
        CatchClause c0 = t.catchClauses().get(0);
        assertEquals(new AtomLit(new Pos(1, 25), "error"), c0.klass());
        assertEquals(new Var(new Pos(1, 31), "E"), c0.reason());
        assertEquals(new Var(new Pos(1, 33), "S"), c0.stack());
        CatchClause c1 = t.catchClauses().get(1);
        assertNull(c1.stack());
        CatchClause c2 = t.catchClauses().get(2);
        assertNull(c2.klass()); // throw
        assertEquals(new Var(new Pos(1, 60), "Z"), c2.reason());
        assertEquals(List.of(new AtomLit(new Pos(1, 73), "done")), t.after());
        TryExpr varClass = (TryExpr) one("try f() catch Class:Reason:Stack -> ok end.");
        CatchClause v = varClass.catchClauses().get(0);
        assertEquals(new Var(new Pos(1, 15), "Class"), v.klass());
        assertEquals(new Var(new Pos(1, 28), "Stack"), v.stack());
        TryExpr onlyAfter = (TryExpr) one("try 1 after ok end.");
        assertTrue(onlyAfter.catchClauses().isEmpty());
        assertEquals(1, onlyAfter.after().size());
    }

    @Test
    void comprehensions() {
        ListComp lc = (ListComp) one("[net_kernel:connect_node(list_to_atom(N ++ \"@\" ++ Host)) || {N, _} <- Names].");
        assertInstanceOf(Call.class, lc.template());
        Generator g = (Generator) lc.qualifiers().get(0);
        assertEquals("{N _}", Sexp.of(g.pattern()));
        assertEquals(new Var(new Pos(1, 71), "Names"), g.source());
        ListComp mixed = (ListComp) one("[X || <<X>> <= B, X > 1].");
        assertInstanceOf(BinGenerator.class, mixed.qualifiers().get(0));
        assertEquals(new Pos(1, 13), mixed.qualifiers().get(0).pos());
        assertInstanceOf(Filter.class, mixed.qualifiers().get(1));
        BinComp bc = (BinComp) one("<< <<X>> || <<X>> <= B >>.");
        assertInstanceOf(BinExpr.class, bc.template());
        assertEquals(1, bc.qualifiers().size());
    }

    // ----------------------------------------------------------------------------------------------- errors

    @Test
    void syntaxErrorsReadLikeErls() {
        ParseResult.SyntaxError e = error("foo(1,).");
        assertEquals(1, e.line());
        assertEquals(7, e.column());
        assertEquals("syntax error before: ')'", e.message());
        assertEquals("* 1:7: syntax error before: ')'", e.erlStyle());
        assertEquals("* 1:3: syntax error before: 2", error("1 2.").erlStyle());
        assertEquals("* 1:1: syntax error before: '<'", error("< 0.85 . 0 >.").erlStyle());
        assertEquals("* 1:2: syntax error before: Foo", error("#Foo<0.1>.").erlStyle());
        assertEquals("* 1:11: syntax error before: 'end'", error("case X of end.").erlStyle());
        assertEquals("* 1:3: syntax error before: \"abc\"", error("1 \"abc\".").erlStyle());
        assertEquals("* 1:1: unterminated string starting with \"unterminated\"", error("\"unterminated").erlStyle());
        assertEquals("* 1:1: unterminated atom starting with 'x.'", error("'x.").erlStyle());
        assertEquals("* 1:1: illegal integer", error("16#.").erlStyle());
    }

    @Test
    void anErrorOnTheSecondLineIsReportedThere() {
        assertEquals("* 2:11: syntax error before: ')'", error("X = 1,\nY = foo(1,).").erlStyle());
        assertEquals("* 3:1: syntax error before: ','", error("foo(\n1,\n,2).").erlStyle());
        assertEquals("* 2:5: syntax error before: '.'", error("1 % comment\n  + .").erlStyle());
    }

    @Test
    void recordsAreRefusedWithTheShellsMessage() {
        assertEquals("* 1:1: record rec undefined", error("#rec{}.").erlStyle());
        assertEquals("* 1:5: record rec undefined", error("X = #rec{a=1}.").erlStyle());
        assertEquals("* 1:2: record r undefined", error("X#r.f.").erlStyle());
        // A syntax error anywhere comes first, as in erl: records are found after parsing.
        assertEquals("* 1:13: syntax error before: ')'", error("#rec{}, f(1,).").erlStyle());
    }

    @Test
    void aRemoteNameWithoutArgumentsIsAnIllegalExpression() {
        assertEquals("* 1:1: illegal expression", error("a:b.").erlStyle());
    }

    @Test
    void oneFormOnly() {
        assertEquals("* 1:9: syntax error before: bar", error("foo().  bar().").erlStyle());
        assertEquals(1, parse("foo(). % trailing comment\n").size());
    }

    @Test
    void aSemicolonAtTheTopLevelStartsAFunctionClauseAsInErl() {
        assertEquals("* 1:8: syntax error before: Y", error("X = 1; Y = 2.").erlStyle());
        assertEquals("* 1:4: head mismatch", error("X; g() -> 1.").erlStyle());
        // erl's parse_exprs crashes on this one (a function f/0 of two clauses); jerl points at the ';'.
        assertEquals("* 1:2: syntax error before: ';'", error("X; f() -> 1.").erlStyle());
        assertEquals("* 1:2: syntax error before: ';'", error("X; f() -> 1; f() -> 2.").erlStyle());
    }

    @Test
    void noDotOrNoTokens() {
        assertEquals("* 1:5: syntax error before: ", error("1 + 2").erlStyle());
        assertEquals("* 1:1: syntax error before: ", error("").erlStyle());
        assertEquals("* 1:1: syntax error before: ", error("  % nothing\n").erlStyle());
    }

    // ----------------------------------------------------------------------------------------- AST helpers

    @Test
    void subexpressionsComeInSourceOrder() {
        Expr e = one("try f(A) of R when R > 0 -> R catch C:E:S -> E after g() end.");
        assertEquals(List.of("(call f A)", "R", "(> R 0)", "R", "C", "E", "S", "E", "(call g)"),
                Subexpressions.of(e).stream().map(Sexp::of).toList());
        assertTrue(Subexpressions.of(one("42.")).isEmpty());
    }

    @Test
    void astListsAreImmutable() {
        TupleExpr t = (TupleExpr) one("{a, b}.");
        assertThrows(UnsupportedOperationException.class, () -> t.elements().add(t));
        ParseResult.Parsed p = (ParseResult.Parsed) ExprParser.parse("1, 2.");
        assertThrows(UnsupportedOperationException.class, () -> p.exprs().clear());
    }
}
