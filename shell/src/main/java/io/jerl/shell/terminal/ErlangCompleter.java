package io.jerl.shell.terminal;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.TermPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: {@code net_ke} → {@code net_kernel:}, {@code net_kernel:conn} → {@code net_kernel:connect_node(}
 * (as erl completes), a capitalised word → bound variables, any other atom → modules, registered names and node
 * names (quoted where erl needs quotes). No completion ends with a space: Erlang rarely wants one next.
 */
public final class ErlangCompleter implements Completer {
    private final CompletionSources sources;

    public ErlangCompleter(CompletionSources sources) {
        this.sources = sources;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidatesFor(line.word().substring(0, line.wordCursor())));
    }

    /** The candidates for the text typed so far; each value starts with {@code typed}. */
    public List<Candidate> candidatesFor(String typed) {
        List<Candidate> out = new ArrayList<>();
        int colon = typed.indexOf(':');
        if (colon >= 0) {
            String module = typed.substring(0, colon);
            for (Map.Entry<String, Set<Integer>> f : sources.functions(module).entrySet()) {
                String arities = f.getValue().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
                add(out, typed, module + ":" + f.getKey() + "(", f.getKey() + "/" + arities, "functions");
            }
        } else if (!typed.isEmpty() && (Character.isUpperCase(typed.charAt(0)) || typed.charAt(0) == '_')) {
            for (String v : new TreeSet<>(sources.variables())) {
                add(out, typed, v, v, "variables");
            }
        } else {
            Set<String> modules = sources.modules();
            for (String m : modules) {
                add(out, typed, m + ":", m, "modules");
            }
            // A process registered under its module's name (net_kernel, global_name_server's kin) would make
            // net_ke<Tab> stop short of the colon; the module is what a user typing it wants.
            TreeSet<String> registered = new TreeSet<>(sources.registeredNames());
            registered.removeAll(modules);
            for (String r : registered) {
                add(out, typed, atom(r), atom(r), "registered names");
            }
            for (String n : new TreeSet<>(sources.nodeNames())) {
                add(out, typed, atom(n), atom(n), "nodes");
            }
        }
        return out;
    }

    private static void add(List<Candidate> out, String typed, String value, String display, String group) {
        if (value.startsWith(typed)) {
            out.add(new Candidate(value, display, group, null, null, null, false));
        }
    }

    /** As erl writes the atom: car@server2 bare, 'car@host.example.com' quoted. */
    private static String atom(String name) {
        return TermPrinter.print(Atom.of(name));
    }
}
