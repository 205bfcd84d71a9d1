package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExprParser#isComplete(String)}, which tells a REPL to read another line, and {@link ExprParser#split(String)},
 * which cuts a line holding several forms where the erl shell cuts it.
 */
class IsCompleteTest {

    @Test
    void aFormEndsWithADotFollowedByWhiteSpaceACommentOrTheEnd() {
        assertTrue(ExprParser.isComplete("foo()."));
        assertTrue(ExprParser.isComplete("foo().\n"));
        assertTrue(ExprParser.isComplete("X = 1. % comment"));
        assertTrue(ExprParser.isComplete("X = 1.%comment"));
        assertTrue(ExprParser.isComplete("X = 1 ."));
        assertTrue(ExprParser.isComplete("X.\u00a0")); // no-break space is white space to erl
        assertTrue(ExprParser.isComplete("foo(1,)."), "complete even though it will not parse");
    }

    @Test
    void openBracketsDoNotMatterOnlyTheDot() {
        assertFalse(ExprParser.isComplete("foo("));
        assertFalse(ExprParser.isComplete("foo(1,"));
        // erl reads up to the dot and reports the syntax error then.
        assertTrue(ExprParser.isComplete("foo(."));
    }

    @Test
    void aDotInsideALiteralDoesNotEndTheForm() {
        assertFalse(ExprParser.isComplete("\"a."), "inside a string");
        assertFalse(ExprParser.isComplete("\"a\\\"."), "the quote is escaped, still inside the string");
        assertFalse(ExprParser.isComplete("'x.'"), "inside a quoted atom");
        assertFalse(ExprParser.isComplete("'x."), "inside an unterminated quoted atom");
        assertFalse(ExprParser.isComplete("1.5"), "the point of a float");
        assertFalse(ExprParser.isComplete("X = 1 % a comment ending in a dot."));
        assertFalse(ExprParser.isComplete("$."), "the character $.");
        assertTrue(ExprParser.isComplete("$. ."), "the character $. and then a dot");
        assertFalse(ExprParser.isComplete("#r.f"), "a record field dot");
        assertFalse(ExprParser.isComplete("a.b"));
    }

    @Test
    void severalLines() {
        assertFalse(ExprParser.isComplete("foo(\n1,"));
        assertTrue(ExprParser.isComplete("foo(\n1,\n2).\n"));
        assertFalse(ExprParser.isComplete("X = \"abc\n.\n"), "the dot is inside a string that spans lines");
        assertTrue(ExprParser.isComplete("X = \"abc\n.\n\".\n"));
        assertFalse(ExprParser.isComplete("1.\n2"), "a second form has begun and is not ended");
        assertTrue(ExprParser.isComplete("1. 2."));
    }

    @Test
    void nothingIsNotComplete() {
        assertFalse(ExprParser.isComplete(""));
        assertFalse(ExprParser.isComplete("   \n\t"));
        assertFalse(ExprParser.isComplete("% just a comment."));
    }

    @Test
    void splitCutsAfterEachDotAndTheOneWhiteSpaceItTakes() {
        assertEquals(new ExprParser.Forms(List.of("1. ", "foo(1,)."), ""), ExprParser.split("1. foo(1,)."));
        assertEquals(new ExprParser.Forms(List.of("1. ", " foo(1,)."), ""), ExprParser.split("1.  foo(1,)."));
        assertEquals(new ExprParser.Forms(List.of("1.\n"), "\n"), ExprParser.split("1.\n\n"));
        assertEquals(new ExprParser.Forms(List.of("a. "), "b"), ExprParser.split("a. b"));
        assertEquals(new ExprParser.Forms(List.of(), "foo("), ExprParser.split("foo("));
        assertEquals(new ExprParser.Forms(List.of("\"a. b\". "), "'c. d"), ExprParser.split("\"a. b\". 'c. d"));
        assertEquals(new ExprParser.Forms(List.of("'€'. ", "\"😀\"."), ""), ExprParser.split("'€'. \"😀\"."));
    }

    @Test
    void eachSplitFormReportsErrorsFromItsOwnStartAsTheErlShellDoes() {
        // The OTP 25 shell, given "1.  foo(1,)." on one line, prints "* 1:8: syntax error before: ')'".
        ExprParser.Forms forms = ExprParser.split("1.  foo(1,).");
        assertEquals("* 1:8: syntax error before: ')'",
                ((ParseResult.SyntaxError) ExprParser.parse(forms.forms().get(1))).erlStyle());
        // Given "1.%c" then "foo(1,)." on the next line, the comment is line 1 of the next form: "* 2:7: ...".
        forms = ExprParser.split("1.%c\nfoo(1,).");
        assertEquals(List.of("1.", "%c\nfoo(1,)."), forms.forms());
        assertEquals("* 2:7: syntax error before: ')'",
                ((ParseResult.SyntaxError) ExprParser.parse(forms.forms().get(1))).erlStyle());
    }
}
