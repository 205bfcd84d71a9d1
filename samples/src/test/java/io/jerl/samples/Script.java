package io.jerl.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample's script file, what a learner types (or pipes) into one shell: one expression per line, {@code %}
 * comments ignored. The test takes the expressions in order, so the file it checks is the file the README shows.
 */
final class Script {
    private final Path file;
    private final List<String> expressions = new ArrayList<>();
    private int next;

    Script(Path file) {
        this.file = file;
        try {
            for (String line : Files.readAllLines(file)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("%")) {
                    expressions.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next expression of the file. */
    String next() {
        if (next >= expressions.size()) {
            throw new AssertionError(file + " has fewer expressions than the sample types (" + next + ")");
        }
        return expressions.get(next++);
    }

    /** Every expression of the file was typed: nothing in it goes untested. */
    void assertAllTyped() {
        if (next != expressions.size()) {
            throw new AssertionError(file + " has expressions the test never typed: " + expressions.subList(next, expressions.size()));
        }
    }
}
