package io.jerl.grammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small edits of corpus entries: characters deleted, inserted or replaced, and tokens inserted, biased
 * towards what trips scanners and parsers (brackets, quotes, escapes, dots, keywords). Seeded, so runs repeat.
 */
final class Mutations {

    private static final String ALPHABET =
            "()[]{}<>,.;:|#!=+-*/\"'$\\%_ \n\t\raAzZ09@^~&?\u00a0\u00e9\u20ac\uFFFD";
    private static final String[] PIECES = {"catch ", "fun ", "end", "<<", ">>", "||", "<-", "<=", "->", "=>", ":=",
        "#{", "#r", "receive ", "after ", "try ", "of ", "when ", "16#", "1.0e", "$\\", "\\x{", "\"", "'", ". ",
        "...", " X", " 1", " a", "(", ")", ",", "=", ";", "begin ", "case ", "if "};

    private Mutations() {
    }

    /** {@code count} mutated texts, each valid UTF-16 without NUL (so erl can be given them too). */
    static List<String> of(List<String> seeds, int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
                switch (random.nextInt(4)) {
                    case 0:
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                        break;
                    case 1:
                        sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                        break;
                    case 2:
                        sb.insert(at, PIECES[random.nextInt(PIECES.length)]);
                        break;
                    default:
                        if (at < sb.length()) {
                            sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                        }
                        break;
                }
            }
            String text = sb.toString();
            if (StandardCharsets.UTF_8.newEncoder().canEncode(text) && text.indexOf('\0') < 0) {
                out.add(text);
            }
        }
        return out;
    }
}
