package io.jerl.shell.terminal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What Tab can complete to, asked afresh on each Tab (bindings, names and connections change). */
public interface CompletionSources {
    /** Module names the shell can call. */
    Set<String> modules();

    /** Function name → arities of one module; empty for a module the shell does not have. */
    Map<String, Set<Integer>> functions(String module);

    /** The shell's bound variables. */
    Collection<String> variables();

    /** Names registered on this node. */
    Collection<String> registeredNames();

    /** Node names ({@code alive@host}): connected nodes and those EPMD on this host lists. */
    Collection<String> nodeNames();
}
