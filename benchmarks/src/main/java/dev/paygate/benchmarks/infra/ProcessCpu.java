package dev.paygate.benchmarks.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.paygate.benchmarks.profile.CpuProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process and its children (the gateway's PostgreSQL runs as its children), read
 * from Linux's /proc.
 */
public final class ProcessCpu {

    /** USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 10 ms on Linux. */
    private static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** CPU ms used so far by this process alone. */
    public static double cpuMs(long pid) {
        try {
            return cpuMsOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double cpuMsOfStat(String stat) {
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
    }

    /** CPU ms used so far by the process's live descendants (not the process itself). */
    public static double descendantsCpuMs(long pid) {
        return ProcessHandle.of(pid)
                .map(handle -> handle.descendants().mapToDouble(child -> cpuMs(child.pid())).sum())
                .orElse(0.0);
    }

    /**
     * CPU ms so far of a PostgreSQL server and its backends, found by the postmaster's pid in its data directory
     * (pg_ctl starts the postmaster detached: it is nobody's child); 0 when it is not running.
     */
    public static double postgresCpuMs(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
            return cpuMs(postmaster) + descendantsCpuMs(postmaster);
        } catch (IOException | RuntimeException notRunning) {
            return 0;
        }
    }

    /**
     * CPU ms so far of each of the process's threads, summed by what they do: {@code gc}, {@code jit},
     * {@code vm} (HotSpot's own threads), {@code kdf} (the gateway's Argon2id derivation threads) and {@code java}
     * (everything else that runs Java code, carriers of virtual threads included).
     */
    public static Map<String, Double> threadCpuMs(long pid) {
        Map<String, Double> byKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).trim();
                byKind.merge(threadKind(name), cpuMsOfStat(Files.readString(task.resolve("stat"))), Double::sum);
            }
        } catch (IOException | UncheckedIOException threadEnded) {
            // A thread that ended while being read: its CPU is lost from this reading, a few ms at most.
        }
        return byKind;
    }

    private static String threadKind(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("ZGC") || name.startsWith("Shenandoah")) {
            return "gc";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (name.startsWith("VM ") || name.equals("Service Thread") || name.startsWith("JFR ")) {
            return "vm";
        }
        if (name.startsWith(CpuProfile.DERIVATION_THREAD_PREFIX)) {
            return "kdf";
        }
        return "java";
    }

    /** Peak resident set size (VmHWM) in MiB. */
    public static double peakRssMib(long pid) {
        return statusKib(pid, "VmHWM:") / 1024.0;
    }

    /**
     * Java heap in use (survivor, eden and old spaces) in MiB, as {@code jstat -gc} reads it from the JVM's
     * performance counters: no request to the gateway (its metrics endpoint wants an operator, and a password
     * check would load what is measured). 0 when it cannot be read.
     */
    public static double heapUsedMib(long pid) {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid))
                    .redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            if (process.waitFor() != 0 || lines.size() < 2) {
                return 0;
            }
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double usedKib = 0;
            for (String space : List.of("S0U", "S1U", "EU", "OU")) {
                usedKib += Double.parseDouble(values[names.indexOf(space)]);
            }
            return usedKib / 1024;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long statusKib(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }
}
