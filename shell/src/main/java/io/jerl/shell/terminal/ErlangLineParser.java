package io.jerl.shell.terminal;

import io.jerl.grammar.ExprParser;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;

/**
 * How JLine reads Erlang: Enter accepts the buffer only when it ends a form with its full stop, so that
 * {@code foo(} continues in the same buffer (and comes back from history as one entry); for completion, the
 * word at the cursor is an atom, a variable, {@code module:function} or {@code node@host}.
 */
public final class ErlangLineParser implements Parser {

    @Override
    public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !ExprParser.isComplete(line)) {
            throw new EOFError(-1, -1, "the form has no full stop yet");
        }
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && line.charAt(start - 1) == '\'') {
            start--; // a quoted atom being typed: 'car@host.example.com'
        }
        int end = cursor;
        while (end < line.length() && isWordChar(line.charAt(end))) {
            end++;
        }
        return new WordAtCursor(line, cursor, line.substring(start, end), cursor - start);
    }

    /** Event expansion is off and erl has no escapes outside strings: nothing to escape on completion. */
    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == ':';
    }

    /** The whole line with the one word completion works on. */
    record WordAtCursor(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate; // candidates are already written as Erlang source (quoted atoms included)
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }
    }
}
