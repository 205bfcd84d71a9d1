package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds a real erl (OTP 25) to the corpora, so that the corpora are evidence rather than opinion: erl accepts every
 * valid entry and builds the same tree jerl builds (annotations aside: precedence, associativity, literal values,
 * string joins and escapes all show in it), and erl rejects every invalid entry at the line and column, and with
 * the words, written in the corpus, which jerl must match too (CorpusTest). Fails, never skips, without erl.
 */
class ErlCrossCheckTest {

    @Test
    void erlAcceptsTheValidCorpusAndBuildsTheSameTrees() {
        List<Corpus.Entry> entries = Corpus.load(Corpus.VALID);
        List<String> erl = Erl.check("parse", entries.stream().map(Corpus.Entry::text).toList());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Corpus.Entry e = entries.get(i);
            String theirs = erl.get(i);
            if (!theirs.startsWith("ok ")) {
                failures.add(e + "\n    erl rejects it: " + theirs);
                continue;
            }
            ParseResult r = ExprParser.parse(e.text());
            String ours = r instanceof ParseResult.Parsed p
                    ? "ok " + AbstractFormat.exprs(p.exprs())
                    : "error " + ((ParseResult.SyntaxError) r).erlStyle();
            if (!ours.equals(theirs)) {
                failures.add(e + "\n    erl:  " + theirs + "\n    jerl: " + ours);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + entries.size() + " valid entries differ from erl (OTP " + Erl.release
                    + "):\n" + String.join("\n", failures));
        }
    }

    @Test
    void erlRejectsTheInvalidCorpusWithTheExpectedErrors() {
        List<Corpus.Entry> entries = Corpus.load(Corpus.INVALID);
        List<String> erl = Erl.check("shell", entries.stream().map(Corpus.Entry::text).toList());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Corpus.Entry e = entries.get(i);
            if (!erl.get(i).equals("error " + e.expected())) {
                failures.add(e + "\n    corpus: " + e.expected() + "\n    erl:    " + erl.get(i));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + entries.size() + " invalid entries differ from erl (OTP " + Erl.release
                    + "):\n" + String.join("\n", failures));
        }
    }
}
