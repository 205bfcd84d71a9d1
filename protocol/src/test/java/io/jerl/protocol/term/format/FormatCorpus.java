package io.jerl.protocol.term.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.ErlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: loads {@code format_corpus.erl} into a real erl, has erl format a set of cases with
 * {@code io_lib:format/2}, and compares each result with {@link IoFormat} printing from erl's point of view.
 */
final class FormatCorpus {
    private FormatCorpus() {
    }

    /** Compiles and loads format_corpus on {@code erl}. */
    static void load(ErlNode erl, Path dir) {
        erl.loadModule(FormatCorpus.class, "format_corpus", dir);
    }

    static String str(Path p) {
        return ErlNode.erlString(p);
    }

    /** What erl made of one case. */
    record Case(Term format, Term args, Term result) {
        boolean ok() {
            return result instanceof Tuple t && t.get(0).equals(Atom.of("ok"));
        }

        boolean badarg() {
            return result instanceof Tuple t && t.arity() == 3 && t.get(1).equals(Atom.of("error"))
                    && t.get(2).equals(Atom.of("badarg"));
        }

        boolean nontext() {
            return result.equals(Atom.of("nontext"));
        }

        String text() {
            return new String(((Binary) ((Tuple) result).get(1)).bytes(), StandardCharsets.UTF_8);
        }

        String describe() {
            return "io_lib:format(" + cut(TermPrinter.print(format)) + ", " + cut(TermPrinter.print(args)) + ")";
        }
    }

    /** The cases erl formatted and the style that prints from erl's point of view. */
    record Run(List<Case> cases, TermStyle style) {
    }

    /** Has erl evaluate {@code casesExpr} (a list of {Format, Args}), format each case and send back the results. */
    static Run run(ErlNode erl, Path dir, String name, String casesExpr) {
        Path file = dir.resolve(name + ".bin");
        erl.eval("format_corpus:write(" + str(file) + ", " + casesExpr + ")", Duration.ofSeconds(120));
        List<byte[]> frames = readFrames(file);
        Tuple indexes = (Tuple) TermDecoder.fromBinary(frames.get(0));
        Map<Atom, Integer> numbering = new HashMap<>();
        Term idx = indexes.get(1);
        if (idx instanceof ErlList l) {
            for (Term t : l.elements()) {
                Tuple pair = (Tuple) t;
                numbering.put((Atom) pair.get(0), (int) ((ErlInt) pair.get(1)).value());
            }
        }
        TermStyle style = TermStyle.of(Atom.of(erl.name()), node -> {
            Integer i = numbering.get(node);
            if (i == null) {
                throw new AssertionError("no erl numbering for node " + node);
            }
            return i;
        });
        List<Case> cases = new ArrayList<>();
        for (int i = 1; i < frames.size(); i++) {
            Tuple t = (Tuple) TermDecoder.fromBinary(frames.get(i));
            cases.add(new Case(t.get(0), t.get(1), t.get(2)));
        }
        return new Run(cases, style);
    }

    /**
     * Formats every case with jerl and checks it against erl: the same text where erl made text, a badarg
     * ProtocolException where erl raised badarg, and some ProtocolException where erl made a list that is not text.
     *
     * @return how many cases were compared
     */
    static int compare(Run run, TermStyle style) {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Case c : run.cases()) {
            n++;
            String mine;
            try {
                mine = IoFormat.format(c.format(), c.args(), style);
            } catch (ProtocolException e) {
                if (c.badarg() && e.getMessage().startsWith("badarg")) {
                    continue;
                }
                if (c.nontext() && !e.getMessage().startsWith("badarg")) {
                    continue;
                }
                wrong.add(c.describe() + "\n  erl:  " + c.result() + "\n  jerl threw: " + e.getMessage());
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                wrong.add(c.describe() + "\n  erl:  " + c.result() + "\n  jerl crashed: " + e);
                continue;
            }
            if (!c.ok()) {
                wrong.add(c.describe() + "\n  erl:  " + c.result() + "\n  jerl: " + show(mine));
            } else if (!c.text().equals(mine)) {
                wrong.add(c.describe() + "\n  erl:\n" + show(c.text()) + "\n  jerl:\n" + show(mine));
            }
        }
        int shown = Math.min(wrong.size(), 12);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + n + " cases differ from erl; the first " + shown + ":\n"
                + String.join("\n", wrong.subList(0, shown)));
        return n;
    }

    private static String show(String s) {
        return s.replace("\t", "\\t") + "|";
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    static List<byte[]> readFrames(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            List<byte[]> frames = new ArrayList<>();
            while (b.hasRemaining()) {
                byte[] f = new byte[b.getInt()];
                b.get(f);
                frames.add(f);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
