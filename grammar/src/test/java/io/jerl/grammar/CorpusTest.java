package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corpora against jerl alone (ErlCrossCheckTest holds erl to the same corpora): every valid entry parses, every
 * invalid entry gives exactly the error erl's shell prints, and the corpora cover what the seeds type.
 */
class CorpusTest {

    /** Every Erlang expression typed in seeds 000 and 001, verbatim, and seed 002's steps in Erlang. */
    static final List<String> SEED_EXPRESSIONS = List.of(
            // 000
            "net_kernel:connect_node(car@server2).",
            "register(shell, self()).",
            "{shell, car@server2} ! {hello, from, self()}.",
            "flush().",
            "{shell, bus@server1} ! {\"It speaks!\", from, self()}.",
            "q().",
            // 001
            "nodes().",
            "true = net_kernel:connect_node('bar@ROGER-SURFACE-GO').",
            "{shell, 'foo@ROGER-SURFACE-GO'} ! hello.",
            "{ok, Names} = erl_epmd:names().",
            "{ok, Host} = inet:gethostname().",
            "[net_kernel:connect_node(list_to_atom(N ++ \"@\" ++ Host)) || {N, _} <- Names].",
            "net_kernel:connect_node('demo@roger-nuc3').",
            // 002, translated from Elixir
            "spawn(fun() -> receive Msg -> io:format(\"I got a message! ~p~n\", [Msg]) end end).",
            "global:register_name(server, Pid).",
            "global:whereis_name(server) ! \"hello from node 2!\".");

    @Test
    void validCorpusIsLargeAndHoldsTheSeeds() {
        List<Corpus.Entry> valid = Corpus.load(Corpus.VALID);
        assertTrue(valid.size() >= 150, "valid corpus has only " + valid.size() + " entries");
        Set<String> texts = valid.stream().map(Corpus.Entry::text).collect(Collectors.toSet());
        for (String seed : SEED_EXPRESSIONS) {
            assertTrue(texts.contains(seed), "the valid corpus lacks the seed expression " + seed);
        }
    }

    @Test
    void everyValidEntryParses() {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.load(Corpus.VALID)) {
            assertEquals(null, e.expected(), "valid entries have no expected error: " + e);
            ParseResult r = ExprParser.parse(e.text());
            if (!(r instanceof ParseResult.Parsed)) {
                failures.add(e + "\n    " + ((ParseResult.SyntaxError) r).erlStyle());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " valid entries do not parse:\n" + String.join("\n", failures));
        }
    }

    @Test
    void everyInvalidEntryGivesErlsError() {
        List<Corpus.Entry> invalid = Corpus.load(Corpus.INVALID);
        assertTrue(invalid.size() >= 40, "invalid corpus has only " + invalid.size() + " entries");
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : invalid) {
            assertTrue(e.expected() != null, "invalid entries say what erl prints: " + e);
            ParseResult r = ExprParser.parse(e.text());
            String got = r instanceof ParseResult.SyntaxError s ? s.erlStyle() : "parsed: " + r;
            if (!got.equals("* " + e.expected())) {
                failures.add(e + "\n    expected * " + e.expected() + "\n    got      " + got);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " invalid entries differ:\n" + String.join("\n", failures));
        }
    }
}
