package io.jerl.testing;

import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Starting jerl nodes and Erlang test modules the way the interop tests need them. */
public final class JerlTestNode {
    private JerlTestNode() {
    }

    /** A jerl node with a unique short name on the given EPMD. */
    public static Node start(String prefix, String cookie, int epmdPort) {
        return start(prefix, cookie, epmdPort, o -> o);
    }

    public static Node start(String prefix, String cookie, int epmdPort, UnaryOperator<NodeOptions> tweak) {
        NodeOptions options = tweak.apply(NodeOptions.defaults().withEpmdPort(epmdPort));
        return Node.start(NodeName.shortName(ErlTools.uniqueName(prefix)), cookie, options);
    }

    /** The node's name as a quoted Erlang atom literal. */
    public static String atom(Node node) {
        return "'" + node.name().name() + "'";
    }

    /**
     * Compiles the Erlang module in test resource {@code resource} with erlc into a temporary directory and
     * returns that directory, for {@code code:add_path/1} on a test erl.
     */
    public static Path compileErlang(String resource) {
        try {
            Path dir = Files.createTempDirectory("jerl-erl");
            Path src = dir.resolve(resource);
            try (InputStream in = JerlTestNode.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new AssertionError("no test resource " + resource);
                }
                Files.copy(in, src);
            }
            Process p = new ProcessBuilder(ErlTools.executable("erlc"), "-o", dir.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("erlc " + resource + " failed:\n" + out);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
