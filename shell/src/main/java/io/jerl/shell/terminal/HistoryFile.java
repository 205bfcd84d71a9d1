package io.jerl.shell.terminal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shell keeps its history between runs: {@code ~/.jerl_history}, or the file named by the system
 * property {@code jerl.history} or else the environment variable {@code JERL_HISTORY} (tests use these).
 */
public final class HistoryFile {
    public static final String PROPERTY = "jerl.history";
    public static final String ENV = "JERL_HISTORY";

    private HistoryFile() {
    }

    public static Path path() {
        return path(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Path path(String property, Map<String, String> env, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(home, ".jerl_history");
    }
}
