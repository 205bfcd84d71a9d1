package io.jerl.protocol.term;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TermPrinter} against erl's {@code ~tw} on the codec corpus, for every term that holds no pid, port,
 * reference or local fun (those print with a per-node index in erl, which this layer cannot know) and no map of
 * more than 32 keys (erl prints those in its internal hash order).
 */
class TermPrinterErlTest {
    @TempDir
    Path dir;

    @Test
    void printsLikeErl() {
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("print")).epmdPort(epmd.port()).start()) {
            ErlCorpus.load(erl, dir);
            Path terms = dir.resolve("terms.bin");
            Path printed = dir.resolve("printed.bin");
            erl.eval("Terms = term_corpus:corpus(), term_corpus:write(" + ErlCorpus.str(terms) + ", Terms), "
                    + "term_corpus:write_printed(" + ErlCorpus.str(printed) + ", \"~tw\", Terms)", Duration.ofSeconds(120));
            List<byte[]> t = ErlCorpus.readFrames(terms);
            List<byte[]> p = ErlCorpus.readFrames(printed);
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (int i = 0; i < t.size(); i++) {
                Term term = TermDecoder.fromBinary(t.get(i));
                if (TermCodecErlTest.contains(term, x -> x instanceof Pid || x instanceof Port || x instanceof Ref
                        || x instanceof Fun || x instanceof ErlMap m && m.size() > TermEncoder.FLATMAP_MAX
                        || x instanceof ExportFun f && !(ascii(f.module()) && ascii(f.function())))) {
                    continue;
                }
                checked++;
                String erlText = new String(p.get(i), StandardCharsets.UTF_8);
                String mine = TermPrinter.print(term);
                if (!erlText.equals(mine) && wrong.size() < 10) {
                    wrong.add("erl:  " + cut(erlText) + "\njerl: " + cut(mine));
                }
            }
            assertTrue(wrong.isEmpty(), "prints differ:\n" + String.join("\n", wrong));
            assertTrue(checked > 2000, "checked only " + checked);
        }
    }

    /** erl's ~tw prints an external fun's non-ASCII names as their UTF-8 bytes read as Latin-1; not copied. */
    private static boolean ascii(Atom a) {
        return a.name().chars().allMatch(c -> c < 128);
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
