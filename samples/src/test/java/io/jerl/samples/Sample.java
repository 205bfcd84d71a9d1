package io.jerl.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder under samples/: its README, whose commands the test runs as written, and its script files, whose
 * lines the test types as a learner would. Keeping the test on these files means README and test cannot drift.
 */
record Sample(Path dir) {
    static Sample named(String folder) {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(folder);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no sample folder " + dir);
        }
        return new Sample(dir);
    }

    /** The one README line that starts with {@code start} (a command shown for a terminal). */
    String readmeCommand(String start) {
        List<String> found = readme().stream().filter(l -> l.startsWith(start)).toList();
        if (found.size() != 1) {
            throw new AssertionError(dir.resolve("README.md") + " should show exactly one command starting with \""
                    + start + "\", found " + found);
        }
        return found.get(0);
    }

    /** The lines of a script file, without blank and comment lines; each must also be shown in the README. */
    List<String> script(String file) {
        List<String> lines = new ArrayList<>();
        for (String line : read(dir.resolve(file))) {
            if (!line.isBlank() && !line.startsWith("%") && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        List<String> readme = readme();
        for (String line : lines) {
            if (!readme.contains(line)) {
                throw new AssertionError("README.md of " + dir.getFileName() + " does not show the line of " + file
                        + ": " + line);
            }
        }
        return lines;
    }

    private List<String> readme() {
        return read(dir.resolve("README.md"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
