package io.jerl.protocol.term;

/**
 * A process identifier: the node that made it, two 32-bit numbers (unsigned) and that node's creation,
 * which tells incarnations of a node with the same name apart.
 */
public record Pid(Atom node, int id, int serial, int creation) implements Term {
    @Override
    public String toString() {
        return TermPrinter.print(this);
    }
}
