package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

/** What Tab offers, from fixed sources: modules, functions, variables, registered names, node names. */
class ErlangCompleterTest {
    private static final CompletionSources SOURCES = new CompletionSources() {
        @Override
        public Set<String> modules() {
            return Set.of("lists", "net_adm", "net_kernel");
        }

        @Override
        public Map<String, Set<Integer>> functions(String module) {
            return module.equals("lists")
                    ? new TreeMap<>(Map.of("reverse", Set.of(1, 2), "seq", Set.of(2, 3), "sum", Set.of(1)))
                    : Map.of();
        }

        @Override
        public Collection<String> variables() {
            return List.of("Pid", "Port", "Xs");
        }

        @Override
        public Collection<String> registeredNames() {
            return List.of("shell", "net_kernel", "rex");
        }

        @Override
        public Collection<String> nodeNames() {
            return List.of("car@server2", "bus@host.example.com");
        }
    };

    private final ErlangCompleter completer = new ErlangCompleter(SOURCES);

    private List<String> values(String typed) {
        return completer.candidatesFor(typed).stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void aModulePrefixCompletesToTheModuleAndItsColon() {
        assertEquals(List.of("net_adm:", "net_kernel:"), values("net_"));
        assertEquals(List.of("net_kernel:"), values("net_ke"),
                "the registered process net_kernel does not stop the completion short of the colon");
    }

    @Test
    void moduleColonCompletesItsFunctionsWithTheOpeningBracket() {
        assertEquals(List.of("lists:reverse(", "lists:seq(", "lists:sum("), values("lists:"));
        assertEquals(List.of("lists:seq(", "lists:sum("), values("lists:s"));
        Candidate seq = completer.candidatesFor("lists:se").get(0);
        assertEquals("seq/2,3", seq.displ(), "the list shows the arities");
        assertTrue(values("nosuchmodule:").isEmpty());
    }

    @Test
    void aCapitalisedWordCompletesBoundVariablesOnly() {
        assertEquals(List.of("Pid", "Port"), values("P"));
        assertEquals(List.of("Xs"), values("X"));
        assertEquals(List.of(), values("Lists"), "a capitalised word is never a module");
    }

    @Test
    void anAtomCompletesRegisteredNamesAndNodeNamesQuotedAsErlWritesThem() {
        assertEquals(List.of("shell"), values("sh"));
        assertEquals(List.of("car@server2"), values("car"));
        assertEquals(List.of("'bus@host.example.com'"), values("'bus"));
        assertTrue(values("").containsAll(List.of("lists:", "rex", "car@server2")));
    }

    @Test
    void noCandidateAddsASpace() {
        assertTrue(completer.candidatesFor("").stream().noneMatch(Candidate::complete));
    }
}
