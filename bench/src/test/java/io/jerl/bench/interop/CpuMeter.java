package io.jerl.bench.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How busy the machine's CPUs were with work other than the race's own processes, from Linux's {@code /proc}:
 * all CPU time spent minus that of this JVM and every process it started (the erl nodes, epmd). On a shared
 * machine it tells in which rounds something else ran beside the race. Where {@code /proc} is missing it
 * reports nothing.
 */
final class CpuMeter {
    private final List<Long> pids;
    private long[] start;

    private CpuMeter(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    /** This JVM and its descendants as they are now (call it once every node has started). */
    static CpuMeter forThisProcessTree() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(h -> pids.add(h.pid()));
        return new CpuMeter(pids);
    }

    void start() {
        start = sample();
    }

    /** Other processes' CPU since {@link #start}, in percent of all CPUs; NaN when it cannot be read. */
    double otherPercent() {
        long[] end = sample();
        if (start == null || end == null) {
            return Double.NaN;
        }
        long total = end[0] - start[0];
        long busy = end[1] - start[1];
        long ours = end[2] - start[2];
        return total <= 0 ? Double.NaN : Math.max(0, 100.0 * (busy - ours) / total);
    }

    /** {all jiffies, busy jiffies, jiffies of our processes}, or null. */
    private long[] sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long ours = 0;
            for (long pid : pids) {
                ours += processJiffies(pid);
            }
            return new long[] {total, total - idle, ours};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long processJiffies(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name (which may hold spaces) start at state: utime and stime are 12th, 13th.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
