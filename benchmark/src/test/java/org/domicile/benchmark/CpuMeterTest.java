package org.domicile.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor times the benchmark reports are the ones the system counted, thread names and all. */
class CpuMeterTest {

    @Test
    @DisplayName("A thread's name may hold spaces and parentheses; its time is user + system")
    void statLineWithAnAwkwardName() {
        var stat = CpuMeter.Stat.parse("4242 (C2 Compiler (x) ) S 1 4242 4242 0 -1 4194624 1201 0 0 0 731 45 0 0 20 0 1 0");
        assertEquals("C2 Compiler (x) ", stat.name());
        assertEquals(776, stat.ticks());
    }

    @Test
    @DisplayName("What is not a /proc stat line is refused, not read as zero")
    void notAStatLine() {
        assertThrows(IllegalArgumentException.class, () -> CpuMeter.Stat.parse("no parenthesis here"));
        assertThrows(IllegalArgumentException.class, () -> CpuMeter.Stat.parse("12 (short) S 1 2 3"));
        assertThrows(IllegalArgumentException.class,
                () -> CpuMeter.Stat.parse("12 (name) S 1 2 3 4 5 6 7 8 9 10 ten 12 13"));
    }

    @Test
    @DisplayName("The JIT compiler's time counts the C1 and C2 compiler threads and nothing else")
    void compilerThreadsOnly(@TempDir Path tasks) throws IOException {
        thread(tasks, 10, "C2 CompilerThre", 700, 50);
        thread(tasks, 11, "C1 CompilerThre", 90, 10);
        thread(tasks, 12, "http-thread-poo", 5000, 300);
        thread(tasks, 13, "C2 Compiler but", 0, 0);
        assertEquals(Optional.of(Duration.ofMillis(8500)), CpuMeter.compilerTime(tasks));
        assertEquals(Optional.empty(), CpuMeter.compilerTime(tasks.resolve("gone")));
    }

    @Test
    @DisplayName("Work done by a process shows in its reading, the database's being zero when none is named")
    void readsThisProcess() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "a system with /proc");
        var meter = new CpuMeter(ProcessHandle.current().pid(), 0);
        CpuMeter.Reading before = meter.read().orElseThrow();
        burn(Duration.ofMillis(400));
        CpuMeter.Reading used = meter.read().orElseThrow().since(before);
        // The system counts in 10 ms ticks: 400 ms of this thread's time shows as at least 380 ms.
        assertTrue(used.server().toMillis() >= 380, "the server (this process) used " + used.server());
        assertTrue(used.driver().toMillis() >= 380, "the driver (this process) used " + used.driver());
        assertEquals(Duration.ZERO, used.database());
        assertEquals(used.server().plus(used.driver()), used.total());
    }

    private static void thread(Path tasks, int tid, String name, long utime, long stime) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(Integer.toString(tid)));
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S 1 " + tid + " " + tid + " 0 -1 4194624 12 0 0 0 "
                + utime + " " + stime + " 0 0 20 0 1 0 100 0 0\n");
    }

    /** Keeps this thread working until it has used {@code time} of processor time, however long that takes. */
    private static void burn(Duration time) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[4096];
        long end = threads.getCurrentThreadCpuTime() + time.toNanos();
        while (threads.getCurrentThreadCpuTime() < end) {
            block[0] ^= digest.digest(block)[0];
        }
    }
}
