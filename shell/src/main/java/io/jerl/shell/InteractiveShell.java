package io.jerl.shell;

import io.jerl.protocol.node.Node;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.repl.Repl;
import io.jerl.shell.terminal.HistoryFile;
import io.jerl.shell.terminal.NodeCompletionSources;
import io.jerl.shell.terminal.NodeNotices;
import io.jerl.shell.terminal.ReportStream;
import io.jerl.shell.terminal.TerminalIo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The shell when standard input and output are a terminal: JLine editing, and everything that arrives while the
 * user types (remote io:format output, the node's error reports, nodedown notices) printed above the prompt.
 */
final class InteractiveShell {
    private InteractiveShell() {
    }

    /** Whether jerl runs on a terminal rather than with piped input or output. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    static Repl.End run(Node node, BuiltinRegistry registry, ShellSession session, String banner,
                    IntFunction<String> prompt, Consumer<String> standardOutput) {
        PrintStream stderr = System.err;
        NodeCompletionSources completion = new NodeCompletionSources(registry, session::variableNames, node);
        try (TerminalIo term = TerminalIo.open(completion, HistoryFile.path())) {
            NodeNotices notices = new NodeNotices(term::printAbove);
            node.setStandardOutput(term::printAbove);
            node.addNodeListener(notices);
            // The node logs to standard error (slf4j-simple writes to whatever System.err is at the time).
            System.setErr(new PrintStream(new ReportStream(term::printAbove), true, StandardCharsets.UTF_8));
            try {
                term.print(banner);
                return new Repl(term, session, prompt).run();
            } finally {
                System.setErr(stderr);
                node.removeNodeListener(notices);
                node.setStandardOutput(standardOutput);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }
}
