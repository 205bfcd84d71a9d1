package io.jerl.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sample's README: the commands a test runs must be there word for word, so a learner can paste them. */
final class Readme {
    private final Path file;
    private final String text;

    Readme(Path file) {
        this.file = file;
        try {
            this.text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code command} after checking the README shows it on a line of its own. */
    String command(String command) {
        if (!text.lines().map(String::strip).anyMatch(command::equals)) {
            throw new AssertionError(file + " does not show the command the test runs: " + command);
        }
        return command;
    }
}
