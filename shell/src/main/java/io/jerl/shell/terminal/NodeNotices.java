package io.jerl.shell.terminal;

import io.jerl.protocol.node.NodeListener;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.TermPrinter;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Connection events erl keeps quiet about but a shell user wants to see: a node going down prints, above the
 * prompt, {@code =INFO REPORT==== ... ===} and {@code ** nodedown: car@server2 (connection closed) **}.
 * Nodes coming up are left out: the user made most of those connections and the rest are routine.
 */
public final class NodeNotices implements NodeListener {
    private final Consumer<String> sink;

    public NodeNotices(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void nodeUp(Atom node, boolean hidden) {
    }

    @Override
    public void nodeDown(Atom node, String reason) {
        sink.accept(text(node, reason, LocalDateTime.now()));
    }

    static String text(Atom node, String reason, LocalDateTime now) {
        return ErrorReports.header("INFO", now) + "** nodedown: " + TermPrinter.print(node) + " (" + reason + ") **\n";
    }
}
