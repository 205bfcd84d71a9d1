package io.jerl.protocol.term;

/** A port identifier from another node; jerl only carries it and echoes it back. */
public record Port(Atom node, long id, int creation) implements Term {
    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
