package io.jerl.grammar.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One segment {@code Value:Size/Type-Specifier-List} of a binary.
 *
 * <p>The specifiers are kept as written, in order ({@code little-signed-integer-unit:8}); the parser accepts any
 * atom and any {@code atom:Integer} there, like erl_parse, and leaves it to the evaluator to say, as erl does,
 * {@code bit type foo undefined} or {@code conflict in unit specification for bit field}.
 *
 * @param pos   where the value starts
 * @param size  the size expression after {@code :}, or null for the default size
 * @param types the type specifiers after {@code /}; empty for the default type
 */
public record BinSegment(Pos pos, Expr value, Expr size, List<TypeSpecifier> types) {
    public BinSegment {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(value, "value");
        types = List.copyOf(types);
    }

    /** The names of the specifiers without a value, in order ({@code [little, signed, integer]}). */
    public List<String> typeNames() {
        List<String> names = new ArrayList<>(types.size());
        for (TypeSpecifier t : types) {
            if (t.value() == null) {
                names.add(t.name());
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** The value of the last {@code unit:N} specifier, or null when there is none. */
    public Integer unit() {
        Integer unit = null;
        for (TypeSpecifier t : types) {
            if (t.name().equals("unit") && t.value() != null) {
                unit = t.value();
            }
        }
        return unit;
    }
}
