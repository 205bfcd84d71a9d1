package io.jerl.grammar.ast;

/** An Erlang expression (or pattern: erl writes patterns in the expression syntax). */
public sealed interface Expr
        permits AtomLit, IntLit, FloatLit, StringLit, Var, TupleExpr, ListExpr, BinExpr, MapExpr, Match, Send, BinOp,
        UnaryOp, Call, FunRef, FunExpr, CaseExpr, IfExpr, ReceiveExpr, Block, TryExpr, CatchExpr, ListComp, BinComp {

    /** Where erl_parse would annotate this node. */
    Pos pos();
}
