package io.jerl.bench.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.bench.interop.MessagingRace.Direction;
import io.jerl.bench.interop.MessagingRace.Options;
import io.jerl.bench.interop.MessagingRace.Sample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The race's argument parsing and arithmetic; the race itself is a benchmark and never runs as a test. */
class MessagingRaceOptionsTest {
    @Test
    void defaultsWhenNoArguments() {
        assertEquals(Options.DEFAULTS, Options.parse());
        assertEquals(Options.DEFAULTS, Options.parse("", " "));
    }

    @Test
    void readsEveryOption() {
        Options o = Options.parse("--messages=1_000", "--warmup=0", "--rounds=2", "--timeout-s=5",
                "--erl-args=+sbwt none", "--directions=erl-jerl,erl-erl", "--tls=true");
        assertEquals(new Options(1000, 0, 2, 5, List.of("+sbwt", "none"),
                List.of(Direction.ERL_TO_ERL, Direction.ERL_TO_JERL), true), o);
        assertEquals(List.of(), Options.parse("--erl-args=").erlArgs());
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--messages=lots"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--rounds=0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--speed=11"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("200000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--directions=jerl-jerl"));
        assertTrue(e.getMessage().contains("usage:"), e.getMessage());
    }

    @Test
    void samplesAndMedians() {
        Sample s = Sample.of(1000, 1_000_000, 1_000_500, 1_002_000);
        assertEquals(500_000.0, s.msgsPerSec(), 1e-6);
        assertEquals(2.0, s.elapsedMs(), 1e-9);
        assertEquals(0.5, s.senderMs(), 1e-9);
        assertEquals(2.0, MessagingRace.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, MessagingRace.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void tableComparesWithErlToErl() {
        Map<Direction, List<Sample>> r = new EnumMap<>(Direction.class);
        r.put(Direction.ERL_TO_ERL, List.of(Sample.of(100, 0, 0, 1000)));   // 100,000 msgs/s
        r.put(Direction.JERL_TO_ERL, List.of(Sample.of(100, 0, 0, 500)));   // 200,000 msgs/s
        String table = MessagingRace.table(r);
        assertTrue(table.contains("2.00x"), table);
        assertTrue(table.contains("1.00x"), table);
        assertTrue(!table.contains("quiet rounds only"), table);
    }

    @Test
    void disturbedRoundsAreAlsoSummedUpWithout() {
        Map<Direction, List<Sample>> r = new EnumMap<>(Direction.class);
        r.put(Direction.ERL_TO_ERL, List.of(Sample.of(100, 0, 0, 1000).withOtherCpu(0),
                Sample.of(100, 0, 0, 4000).withOtherCpu(50)));
        String table = MessagingRace.table(r);
        assertTrue(table.contains("quiet rounds only"), table);
        assertTrue(table.contains("62,500"), table);   // median of 100,000 and 25,000 over all rounds
        assertTrue(table.split("quiet rounds only")[1].contains("100,000"), table);
    }
}
