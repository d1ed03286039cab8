package org.domicile.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crypto bound of the correspondence benchmark: the certification work of registered correspondences
 * ({@link CorrespondenceCrypto}: trust decisions, one-time secrets, the 32 tokens of the chain with their
 * checks, seal, time-stamps, protection, evidence, opening) with the library alone, on as many threads as
 * cores, for a fixed time after a warm-up. No service can do a correspondence faster than this on the
 * same machine; deploy/benchmark.sh compares the service with it.
 *
 * <pre>
 *   java -cp domicile-benchmark.jar org.domicile.benchmark.CryptoBound [--threads CORES] [--warmup 15]
 *        [--duration 30] [--content-bytes 4096] [--result FILE]
 * </pre>
 */
public final class CryptoBound {

    private static final String USAGE = "CryptoBound [--threads N] [--warmup SECONDS] [--duration SECONDS]"
            + " [--content-bytes BYTES] [--result FILE]";

    /** What a timed run did. */
    private record Run(int correspondences, double seconds, long threadCpuNanos, long processCpuNanos) {
        double perSecond() {
            return correspondences / seconds;
        }

        double threadCpuMillisEach() {
            return threadCpuNanos / 1e6 / correspondences;
        }

        double processCpuMillisEach() {
            return processCpuNanos / 1e6 / correspondences;
        }
    }

    private final CorrespondenceCrypto work;
    private final int threads;

    private CryptoBound(CorrespondenceCrypto work, int threads) {
        this.work = work;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("threads", "warmup", "duration", "content-bytes", "result"),
                USAGE);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = options.integer("threads", cores, 1, 256);
        int warmup = options.integer("warmup", 15, 0, 600);
        int duration = options.integer("duration", 30, 1, 3600);
        int contentBytes = options.integer("content-bytes", 4096, 1, 10 * 1024 * 1024);
        Path result = options.path("result");

        var work = new CorrespondenceCrypto(new CertificationParties(), LetterText.utf8(contentBytes));
        var sample = work.run();
        System.out.printf(Locale.ROOT, "Domicile crypto bound: the certification work of registered correspondences,"
                + " without the service%n");
        System.out.printf(Locale.ROOT, "  per correspondence: 2 sessions (signed trust decision over %d parties,"
                + " one-time secret), %d tokens in %d steps, seal, time-stamp,%n", 2 + ProcessingStep.values().length,
                sample.tokens().size(), ProcessingStep.values().length);
        System.out.printf(Locale.ROOT, "    protection for recipient and sender, %d evidence records (signed and"
                + " time-stamped), opening by the recipient%n", sample.evidence().size());
        System.out.printf(Locale.ROOT, "  content %d bytes, 1 recipient; %d threads on %d cores; warm-up %d s,"
                + " measured %d s%n", contentBytes, threads, cores, warmup, duration);

        var bound = new CryptoBound(work, threads);
        if (warmup > 0) {
            Run warm = bound.run(warmup);
            System.out.printf(Locale.ROOT, "  warm-up: %d correspondences (not counted)%n", warm.correspondences());
        }
        Run run = bound.run(duration);
        double perCore = 1000 / run.processCpuMillisEach();
        System.out.printf(Locale.ROOT, "%n  correspondences:                %d in %.1f s%n", run.correspondences(),
                run.seconds());
        System.out.printf(Locale.ROOT, "  correspondences/s:              %.1f   (%d threads)%n", run.perSecond(),
                threads);
        System.out.printf(Locale.ROOT, "  CPU per correspondence:         %.2f ms (work threads), %.2f ms (whole"
                + " process, with GC and JIT)%n", run.threadCpuMillisEach(), run.processCpuMillisEach());
        System.out.printf(Locale.ROOT, "  correspondences/s per core:     %.1f   (1000 ms / CPU of the whole"
                + " process per correspondence)%n", perCore);
        System.out.printf(Locale.ROOT, "  system load average after:      %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        new ResultFile()
                .put("threads", threads)
                .put("cores", cores)
                .put("correspondences", run.correspondences())
                .put("seconds", run.seconds())
                .put("per_second", run.perSecond())
                .put("cpu_ms_each", run.processCpuMillisEach())
                .put("per_core_per_second", perCore)
                .writeTo(result);
    }

    /** Runs correspondences on every thread until {@code seconds} have passed; stops at the first failure. */
    private Run run(int seconds) throws Exception {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long processCpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        var failed = new AtomicBoolean();
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = threadBean.getCurrentThreadCpuTime();
                    long done = 0;
                    try {
                        while (System.nanoTime() < deadline && !failed.get()) {
                            work.run();
                            done++;
                        }
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    return new long[] {done, threadBean.getCurrentThreadCpuTime() - cpuStart};
                }));
            }
            long done = 0;
            long threadCpu = 0;
            for (Future<long[]> worker : workers) {
                long[] counts = worker.get();
                done += counts[0];
                threadCpu += counts[1];
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Run((int) done, elapsed, threadCpu, os.getProcessCpuTime() - processCpuStart);
        } finally {
            pool.shutdownNow();
        }
    }
}
