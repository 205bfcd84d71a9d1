package io.jerl.grammar.ast;

/** A qualifier of a comprehension: a list generator, a binary generator or a filter. */
public sealed interface Qualifier permits Generator, BinGenerator, Filter {
    Pos pos();
}
