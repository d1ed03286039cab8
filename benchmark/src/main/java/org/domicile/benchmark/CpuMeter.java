package org.domicile.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The processor time used by the processes of a run, read from the operating system: the server (and, within
 * it, its JIT compiler threads), the database server with its worker processes, and this driver. Divided by
 * the correspondences of a phase it says where the time of one correspondence goes, a steadier figure than
 * the rate, which moves with whatever else the machine does.
 *
 * <p>Linux only (/proc); elsewhere every figure is absent. Per-thread times are in USER_HZ ticks, which Linux
 * reports at 100 per second whatever the kernel's own tick.
 */
final class CpuMeter {

    /** USER_HZ: the unit of the times in /proc/PID/stat. */
    static final long TICKS_PER_SECOND = 100;

    /**
     * Processor time used so far.
     *
     * @param server   the server process (every thread, the JIT compiler's too)
     * @param compiler the server's JIT compiler threads (C1, C2) that are still running
     * @param database the database server and its worker processes (zero without one)
     * @param driver   this driver
     */
    record Reading(Duration server, Duration compiler, Duration database, Duration driver) {

        /** What was used between {@code earlier} and this reading. */
        Reading since(Reading earlier) {
            return new Reading(server.minus(earlier.server), compiler.minus(earlier.compiler),
                    database.minus(earlier.database), driver.minus(earlier.driver));
        }

        /** Server, database and driver together: everything the run used on this machine. */
        Duration total() {
            return server.plus(database).plus(driver);
        }
    }

    private final long serverPid;
    private final long databasePid;

    /**
     * @param serverPid   the server's process id
     * @param databasePid the database server's main process id, or 0 when the database runs inside the server
     */
    CpuMeter(long serverPid, long databasePid) {
        this.serverPid = serverPid;
        this.databasePid = databasePid;
    }

    /** The times now, or empty when a process is gone or the system does not report them. */
    Optional<Reading> read() {
        Optional<Duration> server = processTime(serverPid);
        Optional<Duration> driver = ProcessHandle.current().info().totalCpuDuration();
        Optional<Duration> compiler = compilerTime(Path.of("/proc", Long.toString(serverPid), "task"));
        if (server.isEmpty() || driver.isEmpty() || compiler.isEmpty()) {
            return Optional.empty();
        }
        Duration database = Duration.ZERO;
        if (databasePid > 0) {
            Optional<Duration> main = processTime(databasePid);
            if (main.isEmpty()) {
                return Optional.empty();
            }
            database = main.get();
            for (ProcessHandle worker : ProcessHandle.of(databasePid).map(p -> p.descendants().toList())
                    .orElse(List.of())) {
                database = database.plus(worker.info().totalCpuDuration().orElse(Duration.ZERO));
            }
        }
        return Optional.of(new Reading(server.get(), compiler.get(), database, driver.get()));
    }

    private static Optional<Duration> processTime(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
    }

    /** The time of the threads named "C1 CompilerThread…" or "C2 CompilerThread…" under {@code tasks}. */
    static Optional<Duration> compilerTime(Path tasks) {
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    Stat stat = Stat.parse(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
                    if (stat.name().matches("C[12] CompilerThre.*")) {
                        ticks += stat.ticks();
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read: its time is no longer reported
                } catch (IllegalArgumentException unreadable) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
    }

    /** A thread's name and its user + system time in ticks, from a /proc/.../stat line. */
    record Stat(String name, long ticks) {

        /**
         * Reads {@code pid (name) state ppid ...}: the name may hold spaces and parentheses, so the fields
         * are counted from its last closing parenthesis; utime and stime are fields 14 and 15.
         *
         * @throws IllegalArgumentException if the line does not have that form
         */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc stat line: " + line);
            }
            String[] fields = line.substring(close + 1).trim().split("\\s+");
            // fields[0] is field 3 (state): utime (14) and stime (15) are fields[11] and fields[12].
            if (fields.length < 13) {
                throw new IllegalArgumentException("a /proc stat line too short: " + line);
            }
            try {
                return new Stat(line.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a /proc stat line: " + line, e);
            }
        }
    }
}
