package io.jerl.grammar;

import io.jerl.grammar.ErlangParser.*;
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
import io.jerl.grammar.ast.Qualifier;
import io.jerl.grammar.ast.ReceiveExpr;
import io.jerl.grammar.ast.Send;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TryExpr;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.TypeSpecifier;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import java.math.BigInteger;
import io.jerl.grammar.ast.Subexpressions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST ({@code io.jerl.grammar.ast}) from a parse tree of {@code ErlangParser}, giving each node the
 * position erl_parse would annotate it with.
 *
 * <p>Operator chains are flat in the parse tree and folded here, left or right as the operator associates. Two
 * checks the erl shell makes before evaluating are made here, because the AST has no node for what they reject:
 * records ({@code record rec undefined}) and a remote name that is not called ({@code illegal expression}). The
 * first such fault in the text is reported once the whole form has parsed, as erl reports it after parsing.
 */
final class AstBuilder {

    private final Object[] values;
    private GrammarError firstFault;

    AstBuilder(Object[] values) {
        this.values = values;
    }

    List<Expr> form(FormContext ctx) {
        if (!ctx.functionClause().isEmpty()) {
            // "E1, ..., En; f() -> ...": erl_parse reads a function of f/0 clauses, which is no expression list
            // (its parse_exprs crashes on it). Point at the ';' that began the second clause.
            throw Literals.errorAt(ctx.SEMI(0).getSymbol(), "syntax error before: ';'");
        }
        List<Expr> exprs = exprs(ctx.exprs());
        if (firstFault != null) {
            throw firstFault;
        }
        checkDepth(exprs);
        return exprs;
    }

    /**
     * Refuses trees deeper than {@link ExprParser#MAX_DEPTH}, which long operator chains can build without deep
     * brackets, so that walking the AST recursively (an evaluator, even {@code toString}) cannot overflow the stack.
     * Iterative, so that the check itself cannot.
     */
    private static void checkDepth(List<Expr> exprs) {
        ArrayDeque<Expr> nodes = new ArrayDeque<>(exprs);
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        for (int i = 0; i < exprs.size(); i++) {
            depths.push(1);
        }
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int depth = depths.pop();
            if (depth > ExprParser.MAX_DEPTH) {
                Pos at = firstPos(e);
                throw new GrammarError(at.line(), at.column(), ExprParser.TOO_DEEP);
            }
            for (Expr child : Subexpressions.of(e)) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Pos pos(Token t) {
        return new Pos(t.getLine(), t.getCharPositionInLine() + 1);
    }

    private static Pos pos(TerminalNode n) {
        return pos(n.getSymbol());
    }

    private Object value(Token t) {
        return values[t.getTokenIndex()];
    }

    /** Records the fault if it is the first in the text; the build goes on so that an earlier one can be found. */
    private Expr fault(Pos at, String message) {
        if (firstFault == null || at.line() < firstFault.line
                || (at.line() == firstFault.line && at.column() < firstFault.column)) {
            firstFault = new GrammarError(at.line(), at.column(), message);
        }
        return new AtomLit(at, "undefined");
    }

    /** erl_parse's first_anno: where the text of an expression starts (parentheses aside). */
    static Pos firstPos(Expr e) {
        while (true) {
            if (e instanceof BinOp b) {
                e = b.left();
            } else if (e instanceof Send s) {
                e = s.to();
            } else if (e instanceof MapExpr m && m.base() != null) {
                e = m.base();
            } else {
                return e.pos();
            }
        }
    }

    List<Expr> exprs(ExprsContext ctx) {
        List<Expr> out = new ArrayList<>(ctx.expr().size());
        for (ExprContext e : ctx.expr()) {
            out.add(expr(e));
        }
        return out;
    }

    private List<Expr> optionalExprs(ExprsContext ctx) {
        return ctx == null ? List.of() : exprs(ctx);
    }

    // ---------------------------------------------------------------------------------------------- operators

    Expr expr(ExprContext ctx) {
        return operand(ctx);
    }

    private Expr catchExpr(CatchExprContext ctx) {
        return new CatchExpr(pos(ctx.CATCH()), expr(ctx.expr()));
    }

    /**
     * Any context that stands for one expression, from a whole operator level down to a primary. Levels holding a
     * single operand are stepped through in a loop, so that one level of brackets costs a handful of stack frames
     * here rather than one per precedence level.
     */
    private Expr operand(ParserRuleContext ctx) {
        while (true) {
            if (ctx instanceof ExprContext c) {
                ctx = c.catchExpr() != null ? c.catchExpr() : c.expr100();
            } else if (ctx instanceof Expr600Context c && c.prefixOp() == null) {
                return expr700(c.expr700());
            } else if (ctx instanceof PatPrimaryContext c) {
                return patExprMax(c.patExprMax());
            } else if (ctx.getChildCount() == 1 && isLevel(ctx)) {
                ctx = (ParserRuleContext) ctx.getChild(0);
            } else {
                break;
            }
        }
        if (ctx instanceof CatchExprContext c) {
            return catchExpr(c);
        } else if (ctx instanceof Expr100Context || ctx instanceof Expr150Context || ctx instanceof Expr160Context
                || ctx instanceof Expr300Context || ctx instanceof PatExprContext
                || ctx instanceof PatExpr300Context) {
            return fold(ctx, true);
        } else if (ctx instanceof Expr200Context || ctx instanceof Expr400Context || ctx instanceof Expr500Context
                || ctx instanceof PatExpr200Context || ctx instanceof PatExpr400Context
                || ctx instanceof PatExpr500Context) {
            return fold(ctx, false);
        } else if (ctx instanceof Expr600Context c) {
            return prefix(c.prefixOp(), c.expr600() != null ? c.expr600() : c.catchExpr());
        } else if (ctx instanceof PatPrefixContext c) {
            return prefix(c.prefixOp(), c.patExpr600());
        } else if (ctx instanceof PatMapContext c) {
            return new MapExpr(pos(c.HASH()), null, mapFields(c.mapTuple()));
        } else if (ctx instanceof PatRecordContext c) {
            return record(c.HASH(), c.atom());
        }
        throw new IllegalStateException("not an expression: " + ctx.getClass().getSimpleName());
    }

    /** The operator levels: operand (operator operand)*. */
    private static boolean isLevel(ParserRuleContext ctx) {
        return ctx instanceof Expr100Context || ctx instanceof Expr150Context || ctx instanceof Expr160Context
                || ctx instanceof Expr200Context || ctx instanceof Expr300Context || ctx instanceof Expr400Context
                || ctx instanceof Expr500Context || ctx instanceof PatExprContext || ctx instanceof PatExpr200Context
                || ctx instanceof PatExpr300Context || ctx instanceof PatExpr400Context
                || ctx instanceof PatExpr500Context;
    }

    private Expr prefix(PrefixOpContext op, ParserRuleContext operand) {
        Token t = op.getStart();
        return new UnaryOp(pos(t), t.getText(), operand(operand));
    }

    /**
     * Folds one operator level: its children alternate operand, operator, operand, ... An operator is a token
     * ({@code =}, {@code !}, {@code orelse}, {@code andalso}) or a one-token rule (compOp, addOp, ...).
     */
    private Expr fold(ParserRuleContext ctx, boolean rightAssoc) {
        List<ParseTree> children = ctx.children;
        if (children.size() == 1) {
            return operand((ParserRuleContext) children.get(0));
        }
        int n = (children.size() + 1) / 2;
        List<Expr> operands = new ArrayList<>(n);
        List<Token> ops = new ArrayList<>(n - 1);
        for (int i = 0; i < children.size(); i++) {
            if (i % 2 == 0) {
                operands.add(operand((ParserRuleContext) children.get(i)));
            } else {
                ops.add(operatorToken(children.get(i)));
            }
        }
        if (rightAssoc) {
            Expr acc = operands.get(n - 1);
            for (int i = n - 2; i >= 0; i--) {
                acc = binary(ops.get(i), operands.get(i), acc);
            }
            return acc;
        }
        Expr acc = operands.get(0);
        for (int i = 1; i < n; i++) {
            acc = binary(ops.get(i - 1), acc, operands.get(i));
        }
        return acc;
    }

    private static Token operatorToken(ParseTree child) {
        return child instanceof TerminalNode t ? t.getSymbol() : ((ParserRuleContext) child).getStart();
    }

    private static Expr binary(Token op, Expr left, Expr right) {
        switch (op.getType()) {
            case ErlangLexer.EQ:
                return new Match(firstPos(left), left, right);
            case ErlangLexer.BANG:
                return new Send(pos(op), left, right);
            default:
                return new BinOp(pos(op), op.getText(), left, right);
        }
    }

    // ----------------------------------------------------------------------------- calls, maps, remote, records

    private Expr expr700(Expr700Context ctx) {
        if (ctx instanceof NewMapContext c) {
            Expr map = new MapExpr(pos(c.HASH()), null, mapFields(c.mapTuple()));
            for (MapSuffixContext s : c.mapSuffix()) {
                map = new MapExpr(pos(s.HASH()), map, mapFields(s.mapTuple()));
            }
            return map;
        }
        if (ctx instanceof NewRecordContext c) {
            return record(c.HASH(), c.atom());
        }
        PrimaryContext c = (PrimaryContext) ctx;
        Expr base = exprMax(c.exprMax());
        PostfixContext postfix = c.postfix();
        if (postfix == null) {
            return base;
        }
        if (postfix instanceof MapUpdateContext m) {
            Expr map = base;
            for (MapSuffixContext s : m.mapSuffix()) {
                map = new MapExpr(pos(s.HASH()), map, mapFields(s.mapTuple()));
            }
            return map;
        }
        if (postfix instanceof RecordAccessContext r) {
            RecordSuffixContext first = r.recordSuffix(0);
            return record(first.HASH(), first.atom());
        }
        if (postfix instanceof LocalCallContext l) {
            return new Call(firstPos(base), null, base, arguments(l.argumentList()));
        }
        RemoteContext r = (RemoteContext) postfix;
        Expr function = exprMax(r.exprMax());
        if (r.argumentList() == null) {
            // erl_parse accepts "m:f" alone; erl's shell then says "illegal expression" where it starts.
            return fault(firstPos(base), "illegal expression");
        }
        return new Call(firstPos(base), base, function, arguments(r.argumentList()));
    }

    private List<Expr> arguments(ArgumentListContext ctx) {
        return optionalExprs(ctx.exprs());
    }

    /** jerl has no records: the erl shell's message for a record it does not know, at the {@code #}. */
    private Expr record(TerminalNode hash, AtomContext name) {
        return fault(pos(hash), "record " + ErlText.writeAtom(atomName(name)) + " undefined");
    }

    private List<MapAssoc> mapFields(MapTupleContext ctx) {
        List<MapAssoc> out = new ArrayList<>(ctx.mapField().size());
        for (MapFieldContext f : ctx.mapField()) {
            boolean exact = f.EXACT() != null;
            Pos at = pos(exact ? f.EXACT() : f.ASSOC());
            out.add(new MapAssoc(at, expr(f.expr(0)), expr(f.expr(1)), exact));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ primaries

    private Expr exprMax(ExprMaxContext ctx) {
        if (ctx instanceof MaxVarContext c) {
            return var(c.VAR());
        } else if (ctx instanceof MaxLiteralContext c) {
            return atomic(c.atomic());
        } else if (ctx instanceof MaxListContext c) {
            return listOrComprehension(c.listOrComprehension());
        } else if (ctx instanceof MaxBinaryContext c) {
            return binaryOrComprehension(c.binaryOrComprehension());
        } else if (ctx instanceof MaxTupleContext c) {
            return tuple(c.tuple());
        } else if (ctx instanceof MaxParenContext c) {
            return expr(c.expr());
        } else if (ctx instanceof MaxBlockContext c) {
            return new Block(pos(c.BEGIN()), exprs(c.exprs()));
        } else if (ctx instanceof MaxIfContext c) {
            return ifExpr(c.ifExpr());
        } else if (ctx instanceof MaxCaseContext c) {
            CaseExprContext k = c.caseExpr();
            return new CaseExpr(pos(k.CASE()), expr(k.expr()), crClauses(k.crClauses()));
        } else if (ctx instanceof MaxReceiveContext c) {
            return receive(c.receiveExpr());
        } else if (ctx instanceof MaxFunContext c) {
            return fun(c.funExpr());
        } else if (ctx instanceof MaxTryContext c) {
            return tryExpr(c.tryExpr());
        } else if (ctx instanceof MaxPrintedIdContext c) {
            return (Expr) value(c.PRINTED_ID().getSymbol());
        }
        throw new IllegalStateException("unknown primary: " + ctx.getClass().getSimpleName());
    }

    private Var var(TerminalNode n) {
        return new Var(pos(n), (String) value(n.getSymbol()));
    }

    private Expr atomic(AtomicContext ctx) {
        if (ctx.atom() != null) {
            AtomContext a = ctx.atom();
            return new AtomLit(pos(a.getStart()), atomName(a));
        }
        if (!ctx.STRING().isEmpty()) {
            List<TerminalNode> parts = ctx.STRING();
            if (parts.size() == 1) {
                return new StringLit(pos(parts.get(0)), (String) value(parts.get(0).getSymbol()));
            }
            StringBuilder sb = new StringBuilder();
            for (TerminalNode p : parts) {
                sb.append((String) value(p.getSymbol()));
            }
            return new StringLit(pos(parts.get(0)), sb.toString());
        }
        Token t = ctx.getStart();
        if (t.getType() == ErlangLexer.FLOAT) {
            return new FloatLit(pos(t), (Double) value(t));
        }
        return new IntLit(pos(t), (BigInteger) value(t)); // INTEGER or CHAR
    }

    private String atomName(AtomContext ctx) {
        return (String) value(ctx.getStart());
    }

    private Expr tuple(TupleContext ctx) {
        return new TupleExpr(pos(ctx.LBRACE()), optionalExprs(ctx.exprs()));
    }

    private Expr listOrComprehension(ListOrComprehensionContext ctx) {
        Pos at = pos(ctx.LBRACK());
        // Children: '[' ']' | '[' expr '||' lcExprs ']' | '[' expr (',' expr)* ('|' expr)? ']'. Looking at fixed
        // places rather than searching the children keeps a list of n elements linear to build.
        int n = ctx.getChildCount();
        if (n > 2 && isToken(ctx.getChild(2), ErlangLexer.BARBAR)) {
            return new ListComp(at, expr(ctx.expr(0)), qualifiers(ctx.lcExprs()));
        }
        return list(at, ctx.expr(), n > 3 && isToken(ctx.getChild(n - 3), ErlangLexer.BAR));
    }

    private static boolean isToken(ParseTree child, int type) {
        return child instanceof TerminalNode t && t.getSymbol().getType() == type;
    }

    private Expr list(Pos at, List<ExprContext> exprs, boolean hasTail) {
        int n = exprs.size() - (hasTail ? 1 : 0);
        List<Expr> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            elements.add(expr(exprs.get(i)));
        }
        Expr tail = hasTail ? expr(exprs.get(n)) : null;
        return new ListExpr(at, elements, tail);
    }

    private List<Qualifier> qualifiers(LcExprsContext ctx) {
        List<Qualifier> out = new ArrayList<>(ctx.lcExpr().size());
        for (LcExprContext q : ctx.lcExpr()) {
            if (q instanceof BinaryGeneratorContext b) {
                out.add(new BinGenerator(pos(b.LEQARROW()), binary(b.binary()), expr(b.expr())));
            } else {
                GeneratorOrFilterContext g = (GeneratorOrFilterContext) q;
                if (g.LARROW() != null) {
                    out.add(new Generator(pos(g.LARROW()), expr(g.expr(0)), expr(g.expr(1))));
                } else {
                    out.add(new Filter(expr(g.expr(0))));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ binaries

    private Expr binaryOrComprehension(BinaryOrComprehensionContext ctx) {
        Pos at = pos(ctx.LBIN());
        if (ctx.BARBAR() != null) {
            return new BinComp(at, exprMax(ctx.exprMax()), qualifiers(ctx.lcExprs()));
        }
        List<BinSegment> segments = new ArrayList<>();
        if (ctx.exprMax() != null) {
            Expr value = exprMax(ctx.exprMax());
            if (ctx.prefixOp() != null) {
                Token op = ctx.prefixOp().getStart();
                value = new UnaryOp(pos(op), op.getText(), value);
            }
            segments.add(segment(value, ctx.binElementTail()));
        }
        for (BinElementContext e : ctx.binElement()) {
            segments.add(binElement(e));
        }
        return new BinExpr(at, segments);
    }

    private BinExpr binary(BinaryContext ctx) {
        List<BinSegment> segments = new ArrayList<>(ctx.binElement().size());
        for (BinElementContext e : ctx.binElement()) {
            segments.add(binElement(e));
        }
        return new BinExpr(pos(ctx.LBIN()), segments);
    }

    private BinSegment binElement(BinElementContext ctx) {
        Expr value = exprMax(ctx.exprMax());
        if (ctx.prefixOp() != null) {
            Token op = ctx.prefixOp().getStart();
            value = new UnaryOp(pos(op), op.getText(), value);
        }
        return segment(value, ctx.binElementTail());
    }

    private BinSegment segment(Expr value, BinElementTailContext tail) {
        Expr size = tail.exprMax() == null ? null : exprMax(tail.exprMax());
        List<TypeSpecifier> types;
        if (tail.bitType().isEmpty()) {
            types = List.of();
        } else {
            types = new ArrayList<>(tail.bitType().size());
            for (BitTypeContext b : tail.bitType()) {
                Integer n = null;
                if (b.INTEGER() != null) {
                    BigInteger v = (BigInteger) value(b.INTEGER().getSymbol());
                    n = v.bitLength() < 32 ? v.intValue() : Integer.MAX_VALUE;
                }
                types.add(new TypeSpecifier(atomName(b.atom()), n));
            }
        }
        return new BinSegment(firstPos(value), value, size, types);
    }

    // ---------------------------------------------------------------------------------------------- patterns

    private Expr patExprMax(PatExprMaxContext ctx) {
        if (ctx instanceof PatVarContext c) {
            return var(c.VAR());
        } else if (ctx instanceof PatLiteralContext c) {
            return atomic(c.atomic());
        } else if (ctx instanceof PatListContext c) {
            ListContext l = c.list();
            int n = l.getChildCount();
            return list(pos(l.LBRACK()), l.expr(), n > 3 && isToken(l.getChild(n - 3), ErlangLexer.BAR));
        } else if (ctx instanceof PatBinaryContext c) {
            return binary(c.binary());
        } else if (ctx instanceof PatTupleContext c) {
            return tuple(c.tuple());
        } else if (ctx instanceof PatParenContext c) {
            return operand(c.patExpr());
        }
        throw new IllegalStateException("unknown pattern: " + ctx.getClass().getSimpleName());
    }

    // ------------------------------------------------------------------------------------------------ clauses

    private List<List<Expr>> guard(ClauseGuardContext ctx) {
        return ctx == null ? List.of() : guard(ctx.guard());
    }

    private List<List<Expr>> guard(GuardContext ctx) {
        List<List<Expr>> out = new ArrayList<>(ctx.exprs().size());
        for (ExprsContext e : ctx.exprs()) {
            out.add(exprs(e));
        }
        return out;
    }

    private List<Expr> body(ClauseBodyContext ctx) {
        return exprs(ctx.exprs());
    }

    private List<Clause> crClauses(CrClausesContext ctx) {
        List<Clause> out = new ArrayList<>(ctx.crClause().size());
        for (CrClauseContext c : ctx.crClause()) {
            Expr pattern = expr(c.expr());
            out.add(new Clause(firstPos(pattern), List.of(pattern), guard(c.clauseGuard()), body(c.clauseBody())));
        }
        return out;
    }

    private Expr ifExpr(IfExprContext ctx) {
        List<Clause> clauses = new ArrayList<>(ctx.ifClause().size());
        for (IfClauseContext c : ctx.ifClause()) {
            List<List<Expr>> guards = guard(c.guard());
            clauses.add(new Clause(firstPos(guards.get(0).get(0)), List.of(), guards, body(c.clauseBody())));
        }
        return new IfExpr(pos(ctx.IF()), clauses);
    }

    private Expr receive(ReceiveExprContext ctx) {
        List<Clause> clauses = ctx.crClauses() == null ? List.of() : crClauses(ctx.crClauses());
        Expr timeout = null;
        List<Expr> after = List.of();
        if (ctx.AFTER() != null) {
            timeout = expr(ctx.expr());
            after = body(ctx.clauseBody());
        }
        return new ReceiveExpr(pos(ctx.RECEIVE()), clauses, timeout, after);
    }

    private Expr fun(FunExprContext ctx) {
        if (ctx instanceof LocalFunRefContext c) {
            AtomLit name = new AtomLit(pos(c.atom().getStart()), atomName(c.atom()));
            Token arity = c.INTEGER().getSymbol();
            return new FunRef(pos(c.FUN()), null, name, new IntLit(pos(arity), (BigInteger) value(arity)));
        }
        if (ctx instanceof RemoteFunRefContext c) {
            Token arity = c.integerOrVar().getStart();
            Expr a = arity.getType() == ErlangLexer.VAR
                    ? new Var(pos(arity), (String) value(arity))
                    : new IntLit(pos(arity), (BigInteger) value(arity));
            return new FunRef(pos(c.FUN()), atomOrVar(c.atomOrVar(0)), atomOrVar(c.atomOrVar(1)), a);
        }
        FunClausesContext c = (FunClausesContext) ctx;
        String name = c.funClause(0).VAR() == null ? null : c.funClause(0).VAR().getText();
        List<Clause> clauses = new ArrayList<>(c.funClause().size());
        for (FunClauseContext f : c.funClause()) {
            List<Expr> patterns = new ArrayList<>(f.patExpr().size());
            for (PatExprContext p : f.patExpr()) {
                patterns.add(operand(p));
            }
            Pos at = pos(f.VAR() != null ? f.VAR() : f.LPAREN());
            clauses.add(new Clause(at, patterns, guard(f.clauseGuard()), body(f.clauseBody())));
        }
        return new FunExpr(pos(c.FUN()), name, clauses);
    }

    private Expr atomOrVar(AtomOrVarContext ctx) {
        if (ctx.VAR() != null) {
            return var(ctx.VAR());
        }
        return new AtomLit(pos(ctx.getStart()), atomName(ctx.atom()));
    }

    private Expr tryExpr(TryExprContext ctx) {
        List<Expr> body = exprs(ctx.exprs());
        List<Clause> of = ctx.crClauses() == null ? List.of() : crClauses(ctx.crClauses());
        TryCatchContext t = ctx.tryCatch();
        List<CatchClause> catches;
        if (t.tryClause().isEmpty()) {
            catches = List.of();
        } else {
            catches = new ArrayList<>(t.tryClause().size());
            for (TryClauseContext c : t.tryClause()) {
                catches.add(catchClause(c));
            }
        }
        List<Expr> after = t.AFTER() == null ? List.of() : exprs(t.exprs());
        return new TryExpr(pos(ctx.TRY()), body, of, catches, after);
    }

    private CatchClause catchClause(TryClauseContext ctx) {
        if (ctx instanceof ClassCatchContext c) {
            Token k = c.getStart();
            Expr klass = k.getType() == ErlangLexer.VAR
                    ? new Var(pos(k), (String) value(k))
                    : new AtomLit(pos(k), atomName(c.atom()));
            Expr reason = operand(c.patExpr());
            // The class is the first VAR when it is a variable; the stack trace variable, if any, is the last.
            Var stack = null;
            List<TerminalNode> vars = c.VAR();
            if (c.COLON().size() == 2) {
                stack = var(vars.get(vars.size() - 1));
            }
            return new CatchClause(pos(k), klass, reason, stack, guard(c.clauseGuard()), body(c.clauseBody()));
        }
        ThrowCatchContext c = (ThrowCatchContext) ctx;
        Expr reason = operand(c.patExpr());
        return new CatchClause(firstPos(reason), null, reason, null, guard(c.clauseGuard()), body(c.clauseBody()));
    }
}
