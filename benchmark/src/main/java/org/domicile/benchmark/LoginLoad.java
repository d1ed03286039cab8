package org.domicile.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.domicile.certification.json.Json;

/**
 * Load of complete office logins against a running Domicile server, through the JSON API: the password
 * step (password check, trust check by the certification server, SMS), the code read from the local SMS
 * outbox, the code step (code check, session opened) and the logout. Each virtual user has a number of
 * his own, registered and verified first (not timed); then {@code concurrency} users log in again and
 * again for a warm-up and for the measured time.
 *
 * <pre>
 *   java -cp domicile-benchmark.jar org.domicile.benchmark.LoginLoad --outbox DATA/outbox/sms.jsonl
 *        [--url http://127.0.0.1:8080] [--users 20] [--concurrency 20] [--duration 30] [--warmup 5]
 * </pre>
 *
 * Loopback only; bounded in users, threads and time. The server must use the outbox SMS gateway and a
 * per-number SMS cap above what the run sends (DOMICILE_SMS_PER_NUMBER_PER_HOUR; deploy/load-test.sh
 * sets it). Codes, tokens and passwords are never printed.
 */
public final class LoginLoad {

    private static final String USAGE = "LoginLoad --outbox FILE [--url URL] [--users N] [--concurrency C]"
            + " [--duration SECONDS] [--warmup SECONDS]";
    private static final String[] PHASES = {"password + trust + SMS", "code from outbox (wait)",
            "code check + session open", "logout", "complete login"};

    /** One complete login's phases, in nanoseconds. */
    record Login(long password, long codeWait, long codeCheck, long logout) {

        long total() {
            return password + codeWait + codeCheck + logout;
        }
    }

    private record User(String loginName, String mobile) {
    }

    private final ServiceApi api;
    private final Accounts accounts;
    private final int concurrency;

    private LoginLoad(ServiceApi api, Accounts accounts, int concurrency) {
        this.api = api;
        this.accounts = accounts;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("url", "outbox", "users", "concurrency", "duration", "warmup"),
                USAGE);
        URI base = URI.create(options.text("url", "http://127.0.0.1:8080").replaceAll("/+$", ""));
        Path outboxFile = options.path("outbox");
        if (outboxFile == null) {
            throw Options.fail("--outbox is required: the server's DATA/outbox/sms.jsonl; usage: " + USAGE);
        }
        int concurrency = options.integer("concurrency", 20, 1, 200);
        // Each virtual user needs a number of his own, or two would read each other's codes.
        int users = Math.max(concurrency, options.integer("users", 20, 1, 1000));
        int duration = options.integer("duration", 30, 1, 600);
        int warmup = options.integer("warmup", 5, 0, 120);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw Options.fail("This load driver only talks to this machine (loopback); got " + base.getHost());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Domicile login load: %s, %d users, %d concurrent, %d s warm-up + %d s"
                + " measured, %d cores%n", base, users, concurrency, warmup, duration, cores);

        var outbox = new OutboxTail(outboxFile);
        outbox.start();
        var api = new ServiceApi(base);
        var load = new LoginLoad(api, new Accounts(api, outbox), concurrency);
        try {
            List<User> ready = load.setUp(users);
            if (ready.size() < concurrency) {
                throw Options.fail("Only " + ready.size() + " of " + users + " users could be set up; see the"
                        + " errors above.");
            }
            if (warmup > 0) {
                Measurements<Login> warm = load.measure(ready, warmup);
                System.out.printf(Locale.ROOT, "%nWarm-up: %d complete logins in %d s (not counted)%n",
                        warm.completed(), warmup);
            }
            load.report(load.measure(ready, duration), cores);
        } finally {
            outbox.stop();
        }
    }

    /** Registers and verifies {@code count} users in parallel; those that could be set up. */
    private List<User> setUp(int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        long start = System.nanoTime();
        var errors = new Measurements<User>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<User>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // +33 6 10 00 xx xx: valid French mobile numbers, distinct per user.
            User user = new User("load-" + run + "-" + i, String.format(Locale.ROOT, "+3361000%04d", i));
            pending.add(pool.submit(() -> {
                try {
                    accounts.register(user.loginName(), user.mobile());
                    return user;
                } catch (ServiceApi.StepFailed | IllegalArgumentException e) {
                    errors.error(e.getMessage());
                    return null;
                }
            }));
        }
        List<User> ready = new ArrayList<>();
        for (Future<User> f : pending) {
            User u = f.get();
            if (u != null) {
                ready.add(u);
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "Setup: %d of %d users registered and verified in %.1f s%n", ready.size(),
                count, (System.nanoTime() - start) / 1e9);
        errors.errors().forEach((message, n) -> System.out.printf(Locale.ROOT, "  setup error x%d: %s%n", n, message));
        return ready;
    }

    /** The first {@code concurrency} users log in and out again and again for {@code seconds}. */
    private Measurements<Login> measure(List<User> ready, int seconds) throws Exception {
        var measurements = new Measurements<Login>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (User user : ready.subList(0, concurrency)) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    loginOnce(user, measurements);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        measurements.finished((System.nanoTime() - start) / 1e9);
        return measurements;
    }

    private void loginOnce(User user, Measurements<Login> measurements) {
        try {
            Instant asked = accounts.expectCode(user.mobile());
            long t0 = System.nanoTime();
            String challengeId = api.post("/api/sessions", "{\"loginName\":" + Json.quote(user.loginName())
                            + ",\"password\":" + Json.quote(Accounts.PASSWORD) + "}", null)
                    .expect(201, "password step").text("challengeId");
            long t1 = System.nanoTime();
            String code = accounts.code(user.mobile(), asked);
            long t2 = System.nanoTime();
            String token = api.post("/api/sessions/" + challengeId + "/code", "{\"code\":" + Json.quote(code) + "}",
                    null).expect(200, "code step").text("token");
            long t3 = System.nanoTime();
            api.delete("/api/sessions/current", token).expect(204, "logout");
            long t4 = System.nanoTime();
            measurements.add(new Login(t1 - t0, t2 - t1, t3 - t2, t4 - t3));
        } catch (ServiceApi.StepFailed | IllegalArgumentException e) {
            measurements.failed(e.getMessage());
        }
    }

    private void report(Measurements<Login> run, int cores) {
        double perSecond = run.perSecond();
        System.out.printf(Locale.ROOT, "%nMeasured %.1f s with %d concurrent users%n", run.seconds(), concurrency);
        System.out.printf(Locale.ROOT, "  complete logins:        %d%n", run.completed());
        System.out.printf(Locale.ROOT, "  logins/s:               %.1f%n", perSecond);
        System.out.printf(Locale.ROOT, "  logins/s per core:      %.1f   (%d cores; driver and server share them)%n",
                perSecond / cores, cores);
        System.out.printf(Locale.ROOT, "  %-28s %8s   %8s   %8s%n", "phase (ms)", "median", "p99", "max");
        List<ToLongFunction<Login>> durations = List.of(Login::password, Login::codeWait,
                Login::codeCheck, Login::logout, Login::total);
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf(Locale.ROOT, "  %-28s %s%n", PHASES[p], run.summary(durations.get(p)));
        }
        System.out.printf(Locale.ROOT, "  errors:                 %d%n", run.errorCount());
        run.errors().forEach((message, n) -> System.out.printf(Locale.ROOT, "    x%-6d %s%n", n, message));
    }
}
