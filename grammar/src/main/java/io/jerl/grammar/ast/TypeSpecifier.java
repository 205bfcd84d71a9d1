package io.jerl.grammar.ast;

import java.util.Objects;

/**
 * One bit syntax type specifier: {@code binary} (value null) or {@code unit:8} (name {@code unit}, value 8).
 *
 * @param value the integer after {@code :}, or null; values beyond the int range are clamped to
 *              {@link Integer#MAX_VALUE}, which no valid specifier reaches
 */
public record TypeSpecifier(String name, Integer value) {
    public TypeSpecifier {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
