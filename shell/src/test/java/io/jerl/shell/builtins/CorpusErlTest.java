package io.jerl.shell.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-ins against erl itself: every call of the corpus files (test resources, one call a line) is evaluated by
 * a real erl, which hands over the arguments and its result ({@code {ok, V}} or {@code {error, {Class, Reason}}}) as
 * external terms; jerl's built-in must give the same term ({@code =:=}), or raise the same class and reason.
 */
class CorpusErlTest {
    private static Epmd epmd;
    private static ErlNode erl;
    private static BuiltinRegistry registry;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        epmd = Epmd.start();
        erl = ErlNode.builder("builtins").epmdPort(epmd.port()).start();
        Path src = copy("builtins_corpus.erl");
        String p = str(src);
        erl.eval("{ok, builtins_corpus, Beam} = compile:file(" + p + ", [binary, report]), "
                + "{module, builtins_corpus} = code:load_binary(builtins_corpus, " + p + ", Beam), ok");
        registry = TestContext.pureRegistry();
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

    @TestFactory
    Stream<DynamicTest> operators() {
        return corpus("ops.txt");
    }

    @TestFactory
    Stream<DynamicTest> erlang() {
        return corpus("erlang.txt");
    }

    @TestFactory
    Stream<DynamicTest> lists() {
        return corpus("lists.txt");
    }

    @TestFactory
    Stream<DynamicTest> maps() {
        return corpus("maps.txt");
    }

    @TestFactory
    Stream<DynamicTest> string() {
        return corpus("string.txt");
    }

    @TestFactory
    Stream<DynamicTest> misc() {
        return corpus("misc.txt");
    }

    /** One dynamic test per corpus line, named by the line. */
    private Stream<DynamicTest> corpus(String name) {
        Path in;
        try {
            in = copy(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path out = dir.resolve(name + ".bin");
        String count = erl.eval("builtins_corpus:run(" + str(in) + ", " + str(out) + ")");
        Term[] entries;
        try {
            Term all = TermDecoder.fromBinary(Files.readAllBytes(out));
            entries = all == Nil.NIL ? new Term[0] : ((ErlList) all).elements();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(count, Integer.toString(entries.length));
        List<DynamicTest> tests = new ArrayList<>();
        for (Term e : entries) {
            Term[] f = ((Tuple) e).elements();
            String text = new String(((Binary) f[0]).bytes(), StandardCharsets.UTF_8);
            tests.add(DynamicTest.dynamicTest(text, () -> check(text, (Atom) f[1], (Atom) f[2], f[3], (Atom) f[4],
                    f[5])));
        }
        return tests.stream();
    }

    private static void check(String text, Atom module, Atom function, Term args, Atom post, Term expected)
            throws InterruptedException {
        TestContext ctx = new TestContext(registry);
        List<Term> as = args == Nil.NIL ? List.of() : Arrays.asList(((ErlList) args).elements());
        Term actual;
        try {
            Term v = ctx.call(module, function, as);
            actual = new Tuple(Atom.of("ok"), post.name().equals("flat") ? flatten(v) : v);
        } catch (ErlangException x) {
            actual = new Tuple(Atom.of("error"), new Tuple(x.kind(), x.reason()));
        } catch (RuntimeException x) {
            throw new AssertionError(text + ": Java raised " + x + "; erl gave " + TermPrinter.print(expected), x);
        }
        if (!actual.equals(expected)) {
            fail(text + "\n  erl:  " + TermPrinter.print(expected) + "\n  jerl: " + TermPrinter.print(actual));
        }
    }

    /** lists:flatten/1. */
    private static Term flatten(Term t) {
        List<Term> out = new ArrayList<>();
        flattenInto(t, out);
        return ErlList.of(out);
    }

    private static void flattenInto(Term t, List<Term> out) {
        if (t instanceof ErlList l) {
            for (Term e : l.elements()) {
                flattenInto(e, out);
            }
            flattenInto(l.tail(), out);
        } else if (t != Nil.NIL) {
            out.add(t);
        }
    }

    private static Path copy(String resource) throws IOException {
        try (InputStream src = CorpusErlTest.class.getResourceAsStream(resource)) {
            if (src == null) {
                throw new AssertionError("test resource " + resource + " is missing");
            }
            Path file = dir.resolve(resource);
            Files.write(file, src.readAllBytes());
            return file;
        }
    }

    private static String str(Path p) {
        return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
