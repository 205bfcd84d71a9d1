/**
 * The syntax tree of the Erlang expressions a shell user types: plain, immutable records the evaluator walks.
 *
 * <p>Every {@link io.jerl.grammar.ast.Expr} carries the {@link io.jerl.grammar.ast.Pos} erl_parse would annotate the
 * same node with (so messages such as {@code * 1:5: variable 'X' is unbound} can point where erl points): the
 * operator for {@link io.jerl.grammar.ast.BinOp}, {@link io.jerl.grammar.ast.UnaryOp} and
 * {@link io.jerl.grammar.ast.Send}; the start of the left side for {@link io.jerl.grammar.ast.Match} and of the
 * called expression for {@link io.jerl.grammar.ast.Call}; the {@code #} for maps; the opening bracket for tuples,
 * lists, binaries and comprehensions; the keyword for {@code case}, {@code fun}, {@code try}, ...; the token itself
 * for literals and variables. Lists in records are unmodifiable and never null; a nullable component says so.
 *
 * <p>Java 17 has no pattern matching in {@code switch}: walk the tree with {@code instanceof}.
 */
package io.jerl.grammar.ast;
