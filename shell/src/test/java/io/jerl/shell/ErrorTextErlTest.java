package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exception texts word for word against erl: the forms of error-texts.txt (test resource) are piped through a
 * real erl and through jerl, and each form's text must be the same.
 */
class ErrorTextErlTest {
    @Test
    void eachFailingFormPrintsWhatErlPrints() throws Exception {
        String input = corpus();
        List<String> erl = perForm(PipedRuns.erl(input).stdout());
        List<String> jerl = perForm(PipedRuns.jerl(input).stdout());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(erl.size(), jerl.size()); i++) {
            String e = i < erl.size() ? erl.get(i) : "(nothing)";
            String j = i < jerl.size() ? jerl.get(i) : "(nothing)";
            if (!e.equals(j)) {
                differences.add("erl:\n" + e + "jerl:\n" + j);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void aFailureInAFunCalledByABuiltinNamesTheBuiltinBelow() throws Exception {
        String input = "lists:map(fun(X) -> X + 1 end, [a]).\n";
        String erl = PipedRuns.erl(input).stdout();
        String jerl = PipedRuns.jerl(input).stdout();
        String shared = "1> ** exception error: an error occurred when evaluating an arithmetic expression\n"
                + "     in operator  +/2\n"
                + "        called as a + 1\n"
                + "     in call from lists:map/2";
        assertTrue(erl.startsWith(shared + " (lists.erl, line "), erl);
        assertEquals(shared + " \n2> ", jerl);
    }

    @Test
    void aShellCommandCalledWrongNamesItself() throws Exception {
        String input = "f(1).\npid(a, 0, 0).\n";
        PipedRuns.Run erl = PipedRuns.erl(input);
        PipedRuns.Run jerl = PipedRuns.jerl(input);
        assertEquals(perForm(erl.stdout()).get(0), perForm(jerl.stdout()).get(0));
        // c:pid/3 fails in integer_to_list/1 in both; erl adds the file and line of c.erl
        String erlPid = perForm(erl.stdout()).get(1);
        assertTrue(erlPid.endsWith(" (c.erl, line 743)\n"), erlPid);
        assertEquals(erlPid.replace("(c.erl, line 743)", ""), perForm(jerl.stdout()).get(1));
    }

    /** The transcript cut before each prompt, so that each piece is one form's output. */
    private static List<String> perForm(String transcript) {
        List<String> out = new ArrayList<>();
        for (String piece : transcript.split("(?m)^(?=\\d+> )")) {
            if (!piece.isEmpty() && !piece.matches("\\d+> ")) {
                out.add(piece);
            }
        }
        return out;
    }

    private static String corpus() throws IOException {
        try (InputStream in = ErrorTextErlTest.class.getResourceAsStream("error-texts.txt")) {
            StringBuilder forms = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("##") && !line.isBlank()) {
                    forms.append(line).append('\n');
                }
            }
            return forms.toString();
        }
    }
}
