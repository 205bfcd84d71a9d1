package io.jerl.grammar.ast;

/** A 1-based line and column, as erl reports them (a tab counts as one column, as in erl_scan). */
public record Pos(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
