package io.jerl.grammar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A corpus of texts in a test resource: entries separated by a line {@code ----}; lines starting with {@code ##} at
 * the top of an entry are comments; in the invalid corpus the last line, {@code !! L:C: message}, is what the erl
 * shell prints for the entry after {@code "* "}.
 */
final class Corpus {

    static final String VALID = "valid-exprs.txt";
    static final String INVALID = "invalid-exprs.txt";

    /** One entry: its text, what erl says about it (null in the valid corpus), and where it starts in the file. */
    record Entry(String text, String expected, int line) {
        @Override
        public String toString() {
            return "entry at line " + line + ": " + text.replace("\n", "\\n");
        }
    }

    private Corpus() {
    }

    static List<Entry> load(String resource) {
        String content;
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines = new ArrayList<>(Arrays.asList(content.split("\n", -1)));
        List<String> block = new ArrayList<>();
        int blockStart = 1;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).equals("----")) {
                entries.add(entry(block, blockStart));
                block.clear();
                blockStart = i + 2;
            } else {
                block.add(lines.get(i));
            }
        }
        return entries;
    }

    private static Entry entry(List<String> block, int firstLine) {
        int start = 0;
        while (start < block.size() && (block.get(start).equals("##") || block.get(start).startsWith("## "))) {
            start++;
        }
        int end = block.size();
        String expected = null;
        if (end > start && block.get(end - 1).startsWith("!! ")) {
            expected = block.get(end - 1).substring(3);
            end--;
        }
        if (end == start) {
            throw new AssertionError("empty corpus entry at line " + firstLine);
        }
        return new Entry(String.join("\n", block.subList(start, end)), expected, firstLine + start);
    }
}
