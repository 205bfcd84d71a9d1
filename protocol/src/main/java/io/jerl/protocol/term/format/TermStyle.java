package io.jerl.protocol.term.format;

import io.jerl.protocol.term.Atom;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * How the node that prints sees terms that name nodes, and which lists it takes for text.
 *
 * <p>erl prints a pid as {@code <A.B.C>}, a port as {@code #Port<A.B>} and a reference as {@code #Ref<A.x.y.z>},
 * where {@code A} is 0 for the printing node's own identifiers and, for another node's, a number the printing
 * node gave that node. This library cannot know another node's numbering, so the caller names the local node
 * and supplies the numbering; {@link #of(Atom)} numbers other nodes 1, 2, 3... in the order this style first
 * meets them.
 *
 * <p>The printable range is erl's {@code +pc} flag ({@code io:printable_range()}): with the default
 * {@link PrintableRange#LATIN1}, even {@code ~tp} prints only lists of Latin-1 characters as strings; with
 * {@link PrintableRange#UNICODE}, {@code ~tp} prints any list of Unicode characters as a string.
 *
 * <p>Instances are immutable and safe to share between threads (the default numbering is concurrent).
 */
public final class TermStyle {
    /** erl's {@code io:printable_range()}, set on erl's command line by {@code +pc latin1|unicode}. */
    public enum PrintableRange { LATIN1, UNICODE }

    private final Atom localNode;
    private final ToIntFunction<Atom> nodeIndex;
    private final PrintableRange printableRange;

    private TermStyle(Atom localNode, ToIntFunction<Atom> nodeIndex, PrintableRange printableRange) {
        this.localNode = Objects.requireNonNull(localNode, "localNode");
        this.nodeIndex = Objects.requireNonNull(nodeIndex, "nodeIndex");
        this.printableRange = Objects.requireNonNull(printableRange, "printableRange");
    }

    /** Prints from {@code localNode}'s view, numbering other nodes 1, 2, 3... in order of first appearance. */
    public static TermStyle of(Atom localNode) {
        ConcurrentHashMap<Atom, Integer> seen = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger(1);
        return new TermStyle(localNode, node -> seen.computeIfAbsent(node, n -> next.getAndIncrement()),
                PrintableRange.LATIN1);
    }

    /** Prints from {@code localNode}'s view with the caller's numbering of other nodes (never asked for the local one). */
    public static TermStyle of(Atom localNode, ToIntFunction<Atom> nodeIndex) {
        return new TermStyle(localNode, nodeIndex, PrintableRange.LATIN1);
    }

    /** The same style with another printable range. */
    public TermStyle withPrintableRange(PrintableRange range) {
        return new TermStyle(localNode, nodeIndex, range);
    }

    public Atom localNode() {
        return localNode;
    }

    public PrintableRange printableRange() {
        return printableRange;
    }

    /** The number erl shows first in identifiers from {@code node}: 0 for the local node. */
    public int nodeIndex(Atom node) {
        return node.equals(localNode) ? 0 : nodeIndex.applyAsInt(node);
    }
}
