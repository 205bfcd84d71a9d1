package io.jerl.grammar;

import java.util.List;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * What the generated {@code ErlangParser} needs beyond ANTLR: a bound on rule nesting, so that deeply nested input
 * ends in a {@link GrammarError} rather than a {@link StackOverflowError}, and erl_parse's check that the clauses of
 * a fun agree on name and arity, made where erl_parse makes it (when the {@code end} of the fun is read).
 */
public abstract class ErlangParserBase extends Parser {

    /** Rule invocations deeper than this end the parse; roughly a dozen rules make one level of brackets. */
    static final int MAX_RULE_DEPTH = 4_000;

    private int depth;

    protected ErlangParserBase(TokenStream input) {
        super(input);
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (++depth > MAX_RULE_DEPTH) {
            throw ExprParser.tooDeep(getCurrentToken());
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    @Override
    public void reset() {
        super.reset();
        depth = 0;
    }

    /**
     * erl_parse reads "E1, ..., En; g() -> ..." as a function whose first clause is "f() -> E1, ..., En", and when
     * the last clause ends it reports the first clause whose name or arity differs from f/0 as a head mismatch.
     * (A function of f/0 clauses only is no expression list either; the AST builder refuses it once parsed.)
     */
    protected final void checkFunctionClauses(ParserRuleContext form) {
        for (ErlangParser.FunctionClauseContext c : ((ErlangParser.FormContext) form).functionClause()) {
            Token name = c.atom().getStart();
            boolean quoted = name.getType() == ErlangLexer.QUOTED_ATOM;
            if (!Literals.atom(name, quoted).equals("f") || !c.patExpr().isEmpty()) {
                throw Literals.errorAt(name, "head mismatch");
            }
        }
    }

    /**
     * All clauses of {@code fun ... end} must have the name (or no name) and the arity of the first; erl reports
     * "head mismatch" at the first clause that does not.
     */
    protected final void checkFunHeads(ParserRuleContext funClauses) {
        List<ErlangParser.FunClauseContext> clauses =
                ((ErlangParser.FunClausesContext) funClauses).funClause();
        ErlangParser.FunClauseContext first = clauses.get(0);
        String name = first.VAR() == null ? null : first.VAR().getText();
        int arity = first.patExpr().size();
        for (ErlangParser.FunClauseContext c : clauses) {
            String n = c.VAR() == null ? null : c.VAR().getText();
            if (!java.util.Objects.equals(n, name) || c.patExpr().size() != arity) {
                Token at = c.getStart();
                throw new GrammarError(Literals.line(at), Literals.column(at), "head mismatch");
            }
        }
    }
}
