package org.domicile.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.domicile.benchmark.Accounts.Participant;
import org.domicile.benchmark.CorrespondenceJourney.Phase;
import org.domicile.benchmark.CorrespondenceJourney.Timing;
import org.domicile.benchmark.CorrespondenceJourney.Until;
import org.domicile.certification.json.Json;

/**
 * The service side of the correspondence benchmark: drives registered correspondences through a running
 * Domicile server (API, database, all steps, tokens, evidence) to the archive, playing senders, recipients
 * and the certification operator. Setup, not timed: the operator claims his account and raises the users
 * to SUBSTANTIAL (the level of a registered letter); C senders and C recipients register, verify their
 * number, log in (Argon2 makes logins slow: once) and become each other's counterparts. Then C workers,
 * each with its own sender and recipient, send N correspondences ({@link CorrespondenceJourney}) after a
 * warm-up, and the run reports correspondences per second (N / time from the first draft to the last
 * archive) and the latency of the submission acceptance.
 *
 * <pre>
 *   java -cp domicile-benchmark.jar org.domicile.benchmark.ServiceDriver --outbox DATA/outbox/sms.jsonl
 *        --server-log SERVER.LOG [--url http://127.0.0.1:8080] [--correspondences 500] [--concurrency 16]
 *        [--warmup 50] [--content-bytes 4096] [--until ARCHIVED|SUBMITTED] [--label NAME] [--result FILE]
 *        [--server-pid PID [--database-pid PID]]
 * </pre>
 *
 * With the server's process id (and the database server's, when it runs apart) the run also reports the
 * processor time of one correspondence: server, of it the JIT compiler, database, this driver
 * ({@link CpuMeter}).
 *
 * Loopback only. The server must use the local SMS outbox, with a per-number SMS cap above what the run
 * sends (DOMICILE_SMS_PER_NUMBER_PER_HOUR; deploy/benchmark.sh sets it). Codes, tokens and passwords are
 * never printed. Exit code 3 when the server lacks an endpoint the run needs.
 */
public final class ServiceDriver {

    private static final String USAGE = "ServiceDriver --outbox FILE [--server-log FILE] [--url URL]"
            + " [--correspondences N] [--concurrency C] [--warmup W] [--content-bytes BYTES]"
            + " [--until ARCHIVED|SUBMITTED] [--label NAME] [--result FILE] [--server-pid PID [--database-pid PID]]";
    private static final String LEVEL = "SUBSTANTIAL";

    /** A worker's sender and recipient. */
    private record Pair(Participant sender, Participant recipient) {
    }

    private final ServiceApi api;
    private final Accounts accounts;
    private final CorrespondenceJourney journey;
    private final int concurrency;
    private final AtomicReference<String> missing = new AtomicReference<>();

    private ServiceDriver(ServiceApi api, Accounts accounts, CorrespondenceJourney journey, int concurrency) {
        this.api = api;
        this.accounts = accounts;
        this.journey = journey;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("url", "outbox", "server-log", "correspondences", "concurrency",
                "warmup", "content-bytes", "until", "label", "result", "server-pid", "database-pid"), USAGE);
        URI base = URI.create(options.text("url", "http://127.0.0.1:8080").replaceAll("/+$", ""));
        Path outboxFile = options.path("outbox");
        if (outboxFile == null) {
            throw Options.fail("--outbox is required: the server's DATA/outbox/sms.jsonl; usage: " + USAGE);
        }
        int count = options.integer("correspondences", 500, 1, 1_000_000);
        int concurrency = options.integer("concurrency", 16, 1, 500);
        int warmup = options.integer("warmup", 50, 0, 100_000);
        int contentBytes = options.integer("content-bytes", 4096, 1, 60 * 1024);
        Until until;
        try {
            until = Until.valueOf(options.text("until", "ARCHIVED"));
        } catch (IllegalArgumentException e) {
            throw Options.fail("--until must be ARCHIVED or SUBMITTED");
        }
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw Options.fail("This driver only talks to this machine (loopback); got " + base.getHost());
        }
        String label = options.text("label", "");
        long serverPid = options.integer("server-pid", 0, 0, Integer.MAX_VALUE);
        long databasePid = options.integer("database-pid", 0, 0, Integer.MAX_VALUE);
        CpuMeter meter = serverPid > 0 ? new CpuMeter(serverPid, databasePid) : null;

        System.out.printf(Locale.ROOT, "Domicile correspondence benchmark through the service%s: %s%n",
                label.isBlank() ? "" : " (" + label + ")", base);
        System.out.printf(Locale.ROOT, "  %d registered correspondences of %d bytes to 1 recipient, until %s;"
                        + " %d concurrent workers (%d senders, %d recipients); warm-up %d; %d cores%n", count,
                contentBytes, until, concurrency, concurrency, concurrency, warmup,
                Runtime.getRuntime().availableProcessors());

        var outbox = new OutboxTail(outboxFile);
        outbox.start();
        var api = new ServiceApi(base);
        var accounts = new Accounts(api, outbox);
        var driver = new ServiceDriver(api, accounts, new CorrespondenceJourney(api, accounts,
                LetterText.of(contentBytes), until), concurrency);
        try {
            List<Pair> pairs = driver.setUp(options.path("server-log"), until);
            if (warmup > 0) {
                Measurements<Timing> warm = driver.send(pairs, warmup, "Warm-up");
                System.out.printf(Locale.ROOT, "Warm-up: %d correspondences in %.1f s, %d errors (not counted)%n",
                        warm.completed(), warm.seconds(), warm.errorCount());
                driver.stopIfMissing();
            }
            Optional<CpuMeter.Reading> before = meter == null ? Optional.empty() : meter.read();
            Measurements<Timing> run = driver.send(pairs, count, "Measured");
            Optional<CpuMeter.Reading> used = before.flatMap(start -> meter.read().map(end -> end.since(start)));
            driver.stopIfMissing();
            report(run, count, until);
            var result = new ResultFile();
            used.ifPresent(cpu -> reportCpu(cpu, run.completed(), databasePid > 0, result));
            result
                    .put("correspondences", count)
                    .put("completed", run.completed())
                    .put("errors", run.errorCount())
                    .put("seconds", run.seconds())
                    .put("per_second", run.perSecond())
                    .put("submission_p50_ms", run.percentileMillis(Timing::submission, 50))
                    .put("submission_p99_ms", run.percentileMillis(Timing::submission, 99))
                    .put("total_p50_ms", run.percentileMillis(Timing::total, 50))
                    .put("total_p99_ms", run.percentileMillis(Timing::total, 99))
                    .writeTo(options.path("result"));
            if (run.completed() == 0) {
                System.exit(1);
            }
        } catch (ServiceApi.MissingEndpoint e) {
            missing(e.getMessage());
        } catch (ServiceApi.StepFailed e) {
            System.err.println("Setup failed: " + e.getMessage());
            System.exit(1);
        } finally {
            outbox.stop();
        }
    }

    // ---------------------------------------------------------------- setup, not timed

    private List<Pair> setUp(Path serverLog, Until until) throws Exception {
        long start = System.nanoTime();
        Participant operator = new OperatorAccount(api.base(), accounts).claimAndLogIn(serverLog);
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, 8));
        try {
            List<Future<Pair>> pending = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                int n = i;
                pending.add(pool.submit(() -> pair(operator, run, n)));
            }
            List<Pair> pairs = new ArrayList<>();
            for (Future<Pair> future : pending) {
                pairs.add(unwrap(future));
            }
            System.out.printf(Locale.ROOT, "Setup: operator ready; %d users registered, verified, raised to %s,"
                    + " logged in and made counterparts in %.1f s%n", 2 * concurrency, LEVEL,
                    (System.nanoTime() - start) / 1e9);
            if (until == Until.ARCHIVED) {
                // The inbox comes with the processing chain: without it, say so now rather than time out later.
                api.get("/api/inbox", pairs.get(0).recipient().token()).expect(200, "GET /api/inbox");
            }
            return pairs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Worker {@code n}'s sender and recipient: registered, raised by the operator, logged in, counterparts. */
    private Pair pair(Participant operator, String run, int n) {
        // +33 6 10 01 nn nn and +33 6 10 02 nn nn: valid French mobile numbers, one per virtual user.
        String senderLogin = "bench-" + run + "-s" + n;
        String recipientLogin = "bench-" + run + "-r" + n;
        String senderMobile = String.format(Locale.ROOT, "+3361001%04d", n);
        String recipientMobile = String.format(Locale.ROOT, "+3361002%04d", n);
        accounts.register(senderLogin, senderMobile);
        accounts.register(recipientLogin, recipientMobile);
        Participant sender = accounts.logIn(senderLogin, senderMobile, Accounts.PASSWORD);
        Participant recipient = accounts.logIn(recipientLogin, recipientMobile, Accounts.PASSWORD);
        for (Participant user : List.of(sender, recipient)) {
            api.put("/api/console/parties/USER/" + user.accountId() + "/level", "{\"level\":\"" + LEVEL
                    + "\",\"justification\":\"Benchmark user, identity taken as checked.\"}", operator.token())
                    .expect(200, "PUT /api/console/parties/{kind}/{id}/level");
        }
        api.post("/api/office/counterparts", "{\"key\":" + Json.quote(recipient.key()) + "}", sender.token())
                .expect(200, "POST /api/office/counterparts");
        api.post("/api/office/counterparts", "{\"key\":" + Json.quote(sender.key()) + "}", recipient.token())
                .expect(200, "POST /api/office/counterparts");
        return new Pair(sender, recipient);
    }

    // ---------------------------------------------------------------- the timed phase

    /** {@code count} correspondences shared among the workers; the wall time from the first draft to the last. */
    private Measurements<Timing> send(List<Pair> pairs, int count, String phase) throws Exception {
        var measurements = new Measurements<Timing>();
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (Pair pair : pairs) {
                workers.add(pool.submit(() -> {
                    int n;
                    while (missing.get() == null && (n = next.getAndIncrement()) < count) {
                        sendOne(pair, phase + " letter " + (n + 1), measurements);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        measurements.finished((System.nanoTime() - start) / 1e9);
        return measurements;
    }

    private void sendOne(Pair pair, String subject, Measurements<Timing> measurements) {
        try {
            measurements.add(journey.run(pair.sender(), pair.recipient(), subject));
        } catch (ServiceApi.MissingEndpoint e) {
            missing.compareAndSet(null, e.getMessage());
        } catch (ServiceApi.StepFailed | IllegalArgumentException e) {
            measurements.failed(e.getMessage());
        }
    }

    private void stopIfMissing() {
        if (missing.get() != null) {
            missing(missing.get());
        }
    }

    private static void missing(String message) {
        System.err.println();
        System.err.println("Cannot run the benchmark against this server: " + message + ".");
        System.err.println("The inbox and handover endpoints come with the processing chain; with a server that"
                + " does not have them yet, --until SUBMITTED measures up to the submission acceptance.");
        System.exit(3);
    }

    private static void report(Measurements<Timing> run, int count, Until until) {
        System.out.printf(Locale.ROOT, "%n  completed:                      %d of %d in %.1f s (first draft to last %s)%n",
                run.completed(), count, run.seconds(), until);
        System.out.printf(Locale.ROOT, "  correspondences/s:              %.1f%n", run.perSecond());
        System.out.printf(Locale.ROOT, "  submission acceptance:          median %.1f ms, p99 %.1f ms%n",
                run.percentileMillis(Timing::submission, 50), run.percentileMillis(Timing::submission, 99));
        System.out.printf(Locale.ROOT, "  errors:                         %d%n", run.errorCount());
        run.errors().forEach((message, n) -> System.out.printf(Locale.ROOT, "    x%-6d %s%n", n, message));
        System.out.printf(Locale.ROOT, "%n  %-34s %s%n", "phase (ms)", "  median        p99        max");
        for (Phase phase : Phase.values()) {
            if (until == Until.ARCHIVED || phase.untilSubmission()) {
                System.out.printf(Locale.ROOT, "  %-34s %s%n", phase.label(), run.summary(t -> t.of(phase)));
            }
        }
        System.out.printf(Locale.ROOT, "  %-34s %s%n", "whole correspondence", run.summary(Timing::total));
        if (until == Until.ARCHIVED) {
            System.out.printf(Locale.ROOT, "  state reads per correspondence:    %.1f (inbox and status polls)%n",
                    run.mean(Timing::polls));
        }
    }

    /**
     * The processor time of one correspondence of the measured phase, and the rate it allows on this
     * machine's cores if nothing but the run used them.
     */
    private static void reportCpu(CpuMeter.Reading cpu, int completed, boolean separateDatabase, ResultFile result) {
        if (completed == 0) {
            return;
        }
        double server = millisEach(cpu.server(), completed);
        double compiler = millisEach(cpu.compiler(), completed);
        double database = millisEach(cpu.database(), completed);
        double driver = millisEach(cpu.driver(), completed);
        double total = millisEach(cpu.total(), completed);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%n  processor time per correspondence (ms):%n");
        System.out.printf(Locale.ROOT, "    server                         %8.1f   (of it the JIT compiler %.1f: %.0f %%)%n",
                server, compiler, server > 0 ? 100 * compiler / server : 0);
        if (separateDatabase) {
            System.out.printf(Locale.ROOT, "    database                       %8.1f%n", database);
        } else {
            System.out.printf(Locale.ROOT, "    database                       (in the server)%n");
        }
        System.out.printf(Locale.ROOT, "    this driver                    %8.1f%n", driver);
        System.out.printf(Locale.ROOT, "    together                       %8.1f   -> at most %.1f correspondences/s on %d cores%n",
                total, total > 0 ? 1000.0 * cores / total : 0, cores);
        result.put("cpu_server_ms", server).put("cpu_jit_ms", compiler).put("cpu_database_ms", database)
                .put("cpu_driver_ms", driver).put("cpu_total_ms", total);
    }

    private static double millisEach(Duration time, int count) {
        return time.toNanos() / 1e6 / count;
    }

    private static <T> T unwrap(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
