package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Epmd;
import io.jerl.testing.ErlTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile piped input to {@code jerl -sname ...} (Main, as {@code ./jerl -sname x < file} runs it): each bad line
 * gets an error, erl's where erl has one, and the prompt comes back for the next form; nothing overflows the stack
 * or runs out of memory. Each case is followed by {@code after_N.}, whose value must be printed at the next prompt.
 */
class BadShellInputTest {
    private static final int DEEP = 100_000;

    @Test
    void eachBadInputGivesAnErrorAndThePromptBack() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        line(input, "[1, 2.");                                      // unbalanced: a list never closed
        line(input, "after_1.");
        line(input, "foo(1)))).");                                 // unbalanced: too many closing
        line(input, "after_2.");
        line(input, "length(\"" + "a".repeat(10 << 20) + "\")."); // a 10 MB line
        line(input, "after_3.");
        line(input, "[".repeat(DEEP) + "]".repeat(DEEP) + ".");    // 100,000 nested lists
        line(input, "after_4.");
        line(input, "{".repeat(DEEP) + "}".repeat(DEEP) + ".");    // 100,000 nested tuples
        line(input, "after_5.");
        line(input, "(".repeat(DEEP) + "1" + ")".repeat(DEEP) + "."); // 100,000 nested parentheses
        line(input, "after_6.");
        input.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, '.', '\n'}); // invalid UTF-8
        line(input, "after_7.");
        line(input, "1" + " + 1".repeat(300_000) + ".");          // 10 MB of tokens
        line(input, "after_8.");
        input.writeBytes("\"unterminated\n".getBytes(StandardCharsets.UTF_8)); // a string still open at the end

        String out = run(input.toByteArray());
        // erl 25 prints exactly these two for the same lines
        assertTrue(out.contains("1> * 1:6: syntax error before: '.'\n"), out);
        assertTrue(out.contains("2> * 1:7: syntax error before: ')'\n"), out);
        assertTrue(out.contains("> 10485760\n"), "the 10 MB string's length");
        assertEquals(3, count(out, "expression nested too deeply"), out);
        assertTrue(out.contains("illegal character") || out.contains("syntax error"), "invalid UTF-8: " + out);
        assertTrue(out.contains("input too large (more than 200000 tokens)"), out);
        for (int i = 1; i <= 8; i++) {
            assertTrue(Pattern.compile("\\)\\d+> after_" + i + "\n").matcher(out).find(), "prompt back before case "
                    + (i + 1) + ":\n" + out);
        }
        // as erl 25 ends such input: the error, then one more prompt
        assertTrue(out.contains("10> * 1:1: unterminated string starting with \"unterminated\\n\"\n"), out);
        assertTrue(out.endsWith("10> "), out);
        assertTrue(!out.contains("StackOverflowError") && !out.contains("OutOfMemoryError"), out);
    }

    private static void line(ByteArrayOutputStream input, String text) {
        input.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String run(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Epmd epmd = Epmd.start()) {
            String[] args = {"-sname", ErlTools.uniqueName("bad"), "-setcookie", ErlTools.randomCookie(),
                    "-kernel", "inet_dist_listen_min", "0"};
            Main.run(args, new ByteArrayInputStream(input), ps, ps, epmd.port());
        }
        // The 10 MB line is echoed nowhere, but keep failure messages readable anyway.
        String s = out.toString(StandardCharsets.UTF_8);
        return s.length() > 20_000 ? s.substring(0, 10_000) + "\n...\n" + s.substring(s.length() - 10_000) : s;
    }
}
