package io.jerl.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
    @Test
    void historyLivesInTheHomeUnlessThePropertyOrTheEnvironmentSaysOtherwise() {
        assertEquals(Path.of("/home/u/.jerl_history"), HistoryFile.path(null, Map.of(), "/home/u"));
        assertEquals(Path.of("/tmp/h"), HistoryFile.path(null, Map.of("JERL_HISTORY", "/tmp/h"), "/home/u"));
        assertEquals(Path.of("/tmp/p"), HistoryFile.path("/tmp/p", Map.of("JERL_HISTORY", "/tmp/h"), "/home/u"));
    }
}
