package io.jerl.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder under samples/: its README, whose commands a test runs as written, and its script files, whose lines
 * the test types as a learner would. Taking both from the files means README, scripts and test cannot drift.
 */
final class Sample {
    /** The repository root: the README commands run from there, as a learner runs them. */
    static final Path ROOT = findRoot();

    private final Path dir;
    private final List<String> readme;

    private Sample(Path dir) {
        this.dir = dir;
        this.readme = read(dir.resolve("README.md"));
    }

    static Sample named(String folder) {
        Path dir = ROOT.resolve("samples").resolve(folder);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no sample folder " + dir);
        }
        return new Sample(dir);
    }

    Path dir() {
        return dir;
    }

    /** Returns {@code command} after checking the README shows it on a line of its own, so a learner can paste it. */
    String command(String command) {
        if (readme.stream().map(String::strip).noneMatch(command::equals)) {
            throw new AssertionError(readmeFile() + " does not show the command the test runs: " + command);
        }
        return command;
    }

    /** The one README line that starts with {@code start}: a command whose details the test does not repeat. */
    String commandStartingWith(String start) {
        List<String> found = readme.stream().map(String::strip).filter(l -> l.startsWith(start)).toList();
        if (found.size() != 1) {
            throw new AssertionError(readmeFile() + " should show exactly one command starting with \"" + start
                    + "\", found " + found);
        }
        return found.get(0);
    }

    /**
     * A script file of the sample, what a learner types into one shell: one expression per line, blank lines and
     * {@code %} or {@code #} comments left out. Each line must be in the README too, on a line of its own or as
     * {@code `code`} in a table.
     */
    Script script(String file) {
        String shown = String.join("\n", readme).replace("\\|", "|"); // a | inside a table cell is written \|
        List<String> lines = new ArrayList<>();
        for (String line : read(dir.resolve(file))) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("%") || s.startsWith("#")) {
                continue;
            }
            if (readme.stream().map(String::strip).noneMatch(s::equals) && !shown.contains("`" + s + "`")) {
                throw new AssertionError(readmeFile() + " does not show the line of " + file + ": " + s);
            }
            lines.add(s);
        }
        return new Script(dir.resolve(file), lines);
    }

    private Path readmeFile() {
        return dir.resolve("README.md");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("samples/hosts.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("samples/hosts.sh not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The lines of a script file, typed in order; the test checks at the end that none went untyped. */
    static final class Script {
        private final Path file;
        private final List<String> lines;
        private int next;

        private Script(Path file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        /** The next line of the file. */
        String next() {
            if (next >= lines.size()) {
                throw new AssertionError(file + " has fewer lines than the sample types (" + next + ")");
            }
            return lines.get(next++);
        }

        /** The next line, which must be the file's last (typically the {@code q().} that stops the shell). */
        String last() {
            String line = next();
            assertAllTyped();
            return line;
        }

        /** Every line of the file was typed: nothing in it goes untested. */
        void assertAllTyped() {
            if (next != lines.size()) {
                throw new AssertionError(file + " has lines the test never typed: " + lines.subList(next, lines.size()));
            }
        }
    }
}
