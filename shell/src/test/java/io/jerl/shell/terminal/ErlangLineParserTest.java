package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** Enter continues the buffer until a form ends with its full stop; the word at the cursor is what Tab completes. */
class ErlangLineParserTest {
    private final ErlangLineParser parser = new ErlangLineParser();

    private void accepts(String line) {
        assertDoesNotThrow(() -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE), line);
    }

    private void continues(String line) {
        assertThrows(EOFError.class, () -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE), line);
    }

    @Test
    void enterAcceptsOnlyWhenTheFormIsEnded() {
        continues("foo(");
        continues("lists:sum([1,\n2, 3])");
        continues("\"a string. still open");
        continues("X = 1.5"); // the point of a float is no full stop
        accepts("lists:sum([1,\n2, 3]).");
        accepts("1. 2.");
        accepts("X = 1. % a comment after the full stop");
        accepts("foo(1,)."); // ended but wrong: the shell reports the syntax error
        accepts(""); // an empty line is the shell's business (it prompts again)
    }

    @Test
    void otherContextsNeverAskForMore() {
        assertDoesNotThrow(() -> parser.parse("foo(", 4, ParseContext.COMPLETE));
    }

    @Test
    void theWordAtTheCursorIsAnErlangName() {
        ParsedLine p = parser.parse("X = net_kernel:conn", 19, ParseContext.COMPLETE);
        assertEquals("net_kernel:conn", p.word());
        assertEquals(15, p.wordCursor());
        p = parser.parse("{shell, car@ser} ! hi.", 15, ParseContext.COMPLETE);
        assertEquals("car@ser", p.word());
        p = parser.parse("net_adm:ping('bus@ho", 20, ParseContext.COMPLETE);
        assertEquals("'bus@ho", p.word());
        p = parser.parse("f(Pid)", 4, ParseContext.COMPLETE); // cursor inside the word
        assertEquals("Pid", p.word());
        assertEquals(2, p.wordCursor());
    }
}
