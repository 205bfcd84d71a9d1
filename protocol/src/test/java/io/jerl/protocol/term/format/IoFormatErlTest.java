package io.jerl.protocol.term.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IoFormat} against erl's own {@code io_lib:format/2}: every case of {@code format_corpus.erl} is formatted
 * by a real erl and by jerl (printing from that erl's point of view: its pids are local, other nodes numbered as
 * it numbers them), and the texts must be equal character for character.
 */
class IoFormatErlTest {
    @TempDir
    static Path dir;
    private static Epmd epmd;
    private static ErlNode erl;

    @BeforeAll
    static void start() {
        epmd = Epmd.start();
        erl = ErlNode.builder(ErlTools.uniqueName("fmt")).epmdPort(epmd.port()).start();
        FormatCorpus.load(erl, dir);
    }

    @AfterAll
    static void stop() {
        if (erl != null) {
            erl.close();
        }
        if (epmd != null) {
            epmd.close();
        }
    }

    /** Every directive with widths, precisions, pad characters, strings, atoms, floats, integers, identifiers. */
    @Test
    void handWrittenCasesMatchErl() {
        FormatCorpus.Run run = FormatCorpus.run(erl, dir, "cases", "format_corpus:cases()");
        int n = FormatCorpus.compare(run, run.style());
        assertTrue(n > 700, "only " + n + " cases");
    }

    /** Random terms (erl's rand with fixed seeds) printed with ~p, ~w, ~tp, ~tw, ~P, ~W, ~lp, ~45p and after text. */
    @Test
    void randomTermsMatchErl() {
        FormatCorpus.Run run = FormatCorpus.run(erl, dir, "random",
                "format_corpus:random_cases(20240607, 150) ++ format_corpus:random_cases(7, 150)");
        int n = FormatCorpus.compare(run, run.style());
        assertTrue(n >= 2700, "only " + n + " cases");
    }

    /** Random terms at narrow line lengths and indented starts, where erl indents tagged tuples differently. */
    @Test
    void narrowLinesMatchErl() {
        FormatCorpus.Run run = FormatCorpus.run(erl, dir, "narrow", "format_corpus:narrow_cases(99, 1500)");
        int n = FormatCorpus.compare(run, run.style());
        assertTrue(n >= 1500, "only " + n + " cases");
    }

    /**
     * Unicode text in ~tp and ~p under erl's default printable range (Latin-1), and on an erl started with
     * {@code +pc unicode}, where ~tp prints any list of Unicode characters as a string.
     */
    @Test
    void unicodeTextUnderBothPrintableRanges() {
        FormatCorpus.Run latin1 = FormatCorpus.run(erl, dir, "unicode_latin1", "format_corpus:unicode_cases()");
        int n = FormatCorpus.compare(latin1, latin1.style());
        try (ErlNode wide = ErlNode.builder(ErlTools.uniqueName("fmtpc")).epmdPort(epmd.port())
                .args("+pc", "unicode").start()) {
            assertTrue(wide.eval("io:printable_range()").equals("unicode"), "erl did not take +pc unicode");
            FormatCorpus.load(wide, dir);
            FormatCorpus.Run run = FormatCorpus.run(wide, dir, "unicode_wide", "format_corpus:unicode_cases()");
            n += FormatCorpus.compare(run, run.style().withPrintableRange(TermStyle.PrintableRange.UNICODE));
            // the same texts differ between the ranges, so the range is what made them match
            int differ = 0;
            for (int i = 0; i < run.cases().size(); i++) {
                if (run.cases().get(i).ok() && latin1.cases().get(i).ok()
                        && !run.cases().get(i).text().equals(latin1.cases().get(i).text())) {
                    differ++;
                }
            }
            assertTrue(differ > 20, "only " + differ + " cases print differently under +pc unicode");
        }
        assertTrue(n > 200, "only " + n + " cases");
    }

    /** Bad formats and arguments: erl raises badarg for each, and jerl throws a badarg ProtocolException. */
    @Test
    void errorsAreBadargLikeErl() {
        FormatCorpus.Run run = FormatCorpus.run(erl, dir, "errors", "format_corpus:errors()");
        for (FormatCorpus.Case c : run.cases()) {
            assertTrue(c.badarg(), "erl did not raise badarg for " + c.describe() + ": " + c.result());
        }
        int n = FormatCorpus.compare(run, run.style());
        assertTrue(n > 40, "only " + n + " error cases");
    }
}
