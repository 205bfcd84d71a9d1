package io.jerl.protocol.term.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.TermPrinter;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TermPrinter} (which {@link TermWriter} builds on) against erl's {@code ~tw} for the terms where it used to
 * differ: atoms with control characters (erl writes {@code '\001'}, not {@code '^A'}), {@code maybe} and
 * {@code else} (not reserved in OTP 25), external funs (the runtime quotes {@code 'a@b'} but not {@code and}, and
 * copies UTF-8 bytes), and shortest floats whose last digit is a tie (erl rounds it to even).
 */
class TermPrinterFixesErlTest {
    @TempDir
    Path dir;

    @Test
    void printsLikeErl() {
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("tprint")).epmdPort(epmd.port()).start()) {
            FormatCorpus.load(erl, dir);
            FormatCorpus.Run run = FormatCorpus.run(erl, dir, "printer", "format_corpus:printer_cases()");
            List<String> wrong = new ArrayList<>();
            for (FormatCorpus.Case c : run.cases()) {
                assertTrue(c.ok(), c.describe() + ": " + c.result());
                String arg = TermPrinter.print(((io.jerl.protocol.term.ErlList) c.args()).elements()[0]);
                if (!arg.equals(c.text())) {
                    wrong.add("erl:  " + c.text() + "\njerl: " + arg);
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(run.cases().size() > 20);
        }
    }
}
