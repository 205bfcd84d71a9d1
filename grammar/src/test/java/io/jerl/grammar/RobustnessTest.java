package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.grammar.ast.StringLit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input of every size and shape comes back as a {@link ParseResult}, never as a thrown exception or error:
 * deep nesting (ANTLR's recursive descent would overflow the stack), ten-megabyte lines, replacement characters,
 * unbalanced brackets, and thousands of random mutations of the corpus.
 */
@Timeout(120)
class RobustnessTest {

    private static final String TOO_DEEP = "expression nested too deeply";
    private static final int TEN_MB = 10 * 1024 * 1024;

    private static ParseResult.SyntaxError error(String text) {
        return assertInstanceOf(ParseResult.SyntaxError.class, ExprParser.parse(text));
    }

    @Test
    void deeplyNestedBracketsAreRefusedWhereTheyGetTooDeep() {
        int n = 100_000;
        for (String[] shape : new String[][] {{"[", "]"}, {"(", ")"}, {"{", "}"}, {"<<(", ")>>"}, {"#{a => ", "}"},
                {"begin ", " end"}, {"fun() -> ", " end"}, {"case ", " of _ -> 1 end"}, {"[X || X <- ", "]"},
                {"f(", ")"}}) {
            String text = shape[0].repeat(n) + "1" + shape[1].repeat(n) + ".";
            ParseResult.SyntaxError e = error(text);
            assertEquals(TOO_DEEP, e.message(), shape[0]);
            assertEquals(1, e.line());
            assertTrue(e.column() > 1, "the error points into the text: " + e + " for " + shape[0]);
        }
        ParseResult.SyntaxError lists = error("[".repeat(n) + "]".repeat(n) + ".");
        assertEquals("* 1:" + (ExprParser.MAX_NESTING + 1) + ": " + TOO_DEEP, lists.erlStyle());
    }

    @Test
    void nestingUpToTheLimitParses() {
        int n = ExprParser.MAX_NESTING;
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("[".repeat(n) + "]".repeat(n) + "."));
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("(".repeat(n) + "1" + ")".repeat(n) + "."));
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("{".repeat(n) + "}".repeat(n) + "."));
    }

    @Test
    void longPrefixAndOperatorChainsAreRefusedNotOverflowed() {
        assertEquals(TOO_DEEP, error("- ".repeat(100_000) + "1.").message());
        assertEquals(TOO_DEEP, error("catch ".repeat(100_000) + "1.").message());
        assertEquals(TOO_DEEP, error("not ".repeat(100_000) + "true.").message());
        assertEquals(TOO_DEEP, error("X" + " = X".repeat(50_000) + ".").message());
        assertEquals(TOO_DEEP, error("1" + " + 1".repeat(50_000) + ".").message());
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("1" + " + 1".repeat(500) + "."));
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("A" + " ++ A".repeat(500) + "."));
    }

    @Test
    void deepInputOnASmallStackStillComesBackAsAResult() throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        String text = "(".repeat(ExprParser.MAX_NESTING) + "1" + ")".repeat(ExprParser.MAX_NESTING) + ".";
        Thread t = new Thread(null, () -> {
            try {
                result.set(ExprParser.parse(text));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        assertInstanceOf(ParseResult.class, result.get(), "got " + result.get());
    }

    @Test
    void aTenMegabyteStringParses() {
        String big = "x".repeat(TEN_MB);
        ParseResult r = ExprParser.parse("\"" + big + "\".");
        StringLit s = (StringLit) ((ParseResult.Parsed) r).exprs().get(0);
        assertEquals(TEN_MB, s.value().length());
        assertTrue(ExprParser.isComplete("\"" + big + "\"."));
    }

    @Test
    void tenMegabyteLinesOfSmallTokensAreRefusedAsTooLarge() {
        ParseResult.SyntaxError e = error("[" + "a,".repeat(TEN_MB / 2) + "a].");
        assertEquals("input too large (more than " + ExprParser.MAX_TOKENS + " tokens)", e.message());
        assertEquals("input too large (more than " + ExprParser.MAX_TOKENS + " tokens)",
                error("1+".repeat(TEN_MB / 2) + "1.").message());
        assertFalse(ExprParser.isComplete("1+".repeat(TEN_MB / 2)));
        ExprParser.Forms forms = ExprParser.split("ok. ".repeat(TEN_MB / 8));
        assertEquals(TEN_MB / 8, forms.forms().size());
    }

    @Test
    void otherTenMegabyteInputs() {
        assertEquals("* 1:1: illegal atom", error("a".repeat(TEN_MB) + ".").erlStyle());
        assertEquals("* 1:1: illegal character", error("\uFFFD".repeat(TEN_MB)).erlStyle());
        assertEquals("* 1:1: illegal integer", error("1".repeat(TEN_MB) + ".").erlStyle());
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("%" + "c".repeat(TEN_MB) + "\nok."));
        assertEquals("* 1:1: unterminated string starting with \"xxxxxxxxxxxxxxxx\"",
                error("\"" + "x".repeat(TEN_MB)).erlStyle());
        assertEquals(TOO_DEEP, error("(".repeat(TEN_MB)).message());
        // The whole text is scanned before it is parsed (erl_scan before erl_parse), so size is seen first.
        assertEquals("input too large (more than " + ExprParser.MAX_TOKENS + " tokens)",
                error("(" + ")".repeat(TEN_MB)).message());
    }

    @Test
    void replacementCharactersFromBadUtf8() {
        // Outside quotes erl takes Latin-1 only; inside a string any character is fine.
        assertEquals("* 1:5: illegal character", error("foo(\uFFFD).").erlStyle());
        StringLit s = (StringLit) ((ParseResult.Parsed) ExprParser.parse("\"a\uFFFDb\".")).exprs().get(0);
        assertEquals("a\uFFFDb", s.value());
        assertInstanceOf(ParseResult.Parsed.class, ExprParser.parse("'\uFFFD'."));
        // A lone surrogate is not a character at all.
        assertEquals("* 1:3: illegal character", error("\"a\uD800\".").erlStyle());
        assertEquals("* 1:1: illegal character", error("$\uD800.").erlStyle());
    }

    @Test
    void unbalancedBrackets() {
        assertEquals("* 1:12: syntax error before: ']'", error("(((((((((((]]]]].").erlStyle());
        assertEquals("* 1:1: syntax error before: ']'", error("]]]]]].").erlStyle());
        assertEquals("* 1:4: syntax error before: '.'", error("{[(.").erlStyle());
        assertEquals("* 1:8: syntax error before: '>>'", error("<<1,2>>>>.").erlStyle());
        assertEquals("* 1:1: syntax error before: 'end'", error("end end end.").erlStyle());
    }

    @Test
    void randomMutationsOfTheCorpusNeverThrow() {
        List<String> seeds = Corpus.load(Corpus.VALID).stream().map(Corpus.Entry::text).toList();
        List<String> texts = Mutations.of(seeds, 20_000, 20240601);
        // Lone surrogates too, which erl never sees but a Java string may hold.
        texts = new java.util.ArrayList<>(texts);
        texts.add("\"a\uD800b\". 'x\uDC00'. \uD800.");
        for (String text : texts) {
            try {
                assertNotNull(ExprParser.parse(text));
                ExprParser.isComplete(text);
                ExprParser.split(text);
            } catch (Throwable t) {
                throw new AssertionError("threw on " + text.replace("\n", "\\n"), t);
            }
        }
    }
}
