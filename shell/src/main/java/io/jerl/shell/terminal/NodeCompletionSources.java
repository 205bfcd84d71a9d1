package io.jerl.shell.terminal;

import io.jerl.protocol.epmd.RegisteredNode;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.shell.eval.BuiltinRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Completion candidates from a running shell: its built-in modules, its bindings and its node. */
public final class NodeCompletionSources implements CompletionSources {
    /** Tab must answer at once; a local EPMD that takes longer than this is left out of the node names. */
    private static final long EPMD_WAIT_MILLIS = 300;

    private final BuiltinRegistry registry;
    private final Supplier<Collection<String>> variables;
    private final Node node;

    public NodeCompletionSources(BuiltinRegistry registry, Supplier<Collection<String>> variables, Node node) {
        this.registry = registry;
        this.variables = variables;
        this.node = node;
    }

    @Override
    public Set<String> modules() {
        return registry.modules();
    }

    @Override
    public Map<String, Set<Integer>> functions(String module) {
        return registry.functions(module);
    }

    @Override
    public Collection<String> variables() {
        return variables.get();
    }

    @Override
    public Collection<String> registeredNames() {
        return node.registered().stream().map(Atom::name).toList();
    }

    @Override
    public Collection<String> nodeNames() {
        Set<String> out = new LinkedHashSet<>();
        node.nodes(true, true).forEach(n -> out.add(n.name()));
        for (RegisteredNode r : epmdNames()) {
            out.add(r.name() + "@" + node.nodeName().host());
        }
        return out;
    }

    private List<RegisteredNode> epmdNames() {
        try {
            return node.epmdNames().get(EPMD_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }
}
