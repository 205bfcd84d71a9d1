package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A bit syntax expression {@code <<Seg1, ..., SegN>>}. */
public record BinExpr(Pos pos, List<BinSegment> segments) implements Expr {
    public BinExpr {
        Objects.requireNonNull(pos, "pos");
        segments = List.copyOf(segments);
    }
}
