import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for complete office logins against a running Domicile server, through the JSON API:
 * password step (password check, trust check by the certification server, SMS), reading the code
 * from the local SMS outbox file, code step (code check, session opened), logout.
 *
 * <pre>
 *   java deploy/load/LoginLoad.java --outbox DATA/outbox/sms.jsonl [--url http://127.0.0.1:8080]
 *        [--users 20] [--concurrency 20] [--duration 30] [--warmup 5]
 * </pre>
 *
 * A single file, no dependencies (run it with {@code java LoginLoad.java}). It talks to loopback
 * addresses only, is bounded in users, threads and time, and stops by itself. The server must
 * use the outbox SMS gateway and a per-number SMS cap above what the run sends
 * (DOMICILE_SMS_PER_NUMBER_PER_HOUR; deploy/load-test.sh sets it). It prints no codes, tokens or
 * passwords.
 */
public class LoginLoad {

    static final String PASSWORD = "load test password, not a secret";
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CODE_TIMEOUT = Duration.ofSeconds(15);
    static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    final URI base;
    final int users;
    final int concurrency;
    final int durationSeconds;
    final int warmupSeconds;
    final HttpClient http;
    final OutboxTail outbox;

    LoginLoad(URI base, Path outboxFile, int users, int concurrency, int durationSeconds, int warmupSeconds) {
        this.base = base;
        this.users = users;
        this.concurrency = concurrency;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.outbox = new OutboxTail(outboxFile);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        URI base = URI.create(opts.getOrDefault("url", "http://127.0.0.1:8080").replaceAll("/+$", ""));
        String dataDir = System.getenv().getOrDefault("DOMICILE_DATA_DIR", "data");
        Path outboxFile = Path.of(opts.getOrDefault("outbox", dataDir + "/outbox/sms.jsonl"));
        int concurrency = bounded(opts, "concurrency", 20, 1, 200);
        // Each virtual user needs a number of its own, or two would read each other's codes.
        int users = Math.max(concurrency, bounded(opts, "users", 20, 1, 1000));
        int duration = bounded(opts, "duration", 30, 1, 600);
        int warmup = bounded(opts, "warmup", 5, 0, 120);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            fail("This load driver only talks to this machine (loopback); got " + base.getHost());
        }
        new LoginLoad(base, outboxFile, users, concurrency, duration, warmup).run();
    }

    void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Domicile login load: %s, %d users, %d concurrent, %d s warm-up + %d s measured,"
                + " %d cores%n", base, users, concurrency, warmupSeconds, durationSeconds, cores);
        outbox.start();
        try {
            List<User> ready = setUp();
            if (ready.size() < concurrency) {
                fail("Only " + ready.size() + " of " + users + " users could be set up; see the errors above.");
            }
            if (warmupSeconds > 0) {
                Stats warm = measure(ready, warmupSeconds);
                System.out.printf(Locale.ROOT, "%nWarm-up: %d complete logins in %d s (not counted)%n",
                        warm.complete.get(), warmupSeconds);
            }
            Stats stats = measure(ready, durationSeconds);
            report(stats, cores);
        } finally {
            outbox.stop();
        }
    }

    // ---------------------------------------------------------------- setup: register and verify users

    record User(String loginName, String mobile) {
    }

    List<User> setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(users, concurrency));
        List<Future<User>> pending = new ArrayList<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        for (int i = 0; i < users; i++) {
            // +33 6 10 00 xx xx: valid French mobile numbers (libphonenumber), distinct per user.
            User user = new User("load-" + run + "-" + i, String.format(Locale.ROOT, "+3361000%04d", i));
            pending.add(pool.submit(() -> register(user, errors) ? user : null));
        }
        List<User> ready = new ArrayList<>();
        for (Future<User> f : pending) {
            User u = f.get();
            if (u != null) {
                ready.add(u);
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "Setup: %d of %d users registered and verified in %.1f s%n", ready.size(), users,
                (System.nanoTime() - start) / 1e9);
        errors.forEach((message, count) -> System.out.printf("  setup error x%d: %s%n", count.get(), message));
        return ready;
    }

    boolean register(User user, Map<String, AtomicInteger> errors) {
        try {
            Instant asked = Instant.now();
            outbox.forget(user.mobile);
            Answer created = post("/api/accounts", json("loginName", user.loginName, "displayName",
                    "Load " + user.loginName, "email", user.loginName + "@example.org", "mobile", user.mobile,
                    "password", PASSWORD));
            if (created.status != 201) {
                count(errors, created.problem());
                return false;
            }
            String code = outbox.awaitCode(user.mobile, asked, CODE_TIMEOUT);
            if (code == null) {
                count(errors, "no code in the outbox within " + CODE_TIMEOUT.toSeconds() + " s");
                return false;
            }
            Answer verified = post("/api/sessions/" + field(created.body, "challengeId") + "/code",
                    json("code", code));
            if (verified.status != 200) {
                count(errors, verified.problem());
                return false;
            }
            return true;
        } catch (Exception e) {
            count(errors, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- measure: complete logins

    static final class Stats {
        final AtomicInteger complete = new AtomicInteger();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final List<long[]> samples = new ArrayList<>(); // per login: password, code wait, code check, logout (ns)
        double seconds;

        synchronized void add(long[] sample) {
            samples.add(sample);
        }
    }

    Stats measure(List<User> ready, int seconds) throws Exception {
        Stats stats = new Stats();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            User user = ready.get(i);
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    loginOnce(user, stats);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        stats.seconds = (System.nanoTime() - start) / 1e9;
        return stats;
    }

    void loginOnce(User user, Stats stats) {
        try {
            outbox.forget(user.mobile);
            Instant asked = Instant.now();
            long t0 = System.nanoTime();
            Answer challenge = post("/api/sessions", json("loginName", user.loginName, "password", PASSWORD));
            long t1 = System.nanoTime();
            if (challenge.status != 201) {
                failed(stats, "password step: " + challenge.problem());
                return;
            }
            String code = outbox.awaitCode(user.mobile, asked, CODE_TIMEOUT);
            long t2 = System.nanoTime();
            if (code == null) {
                failed(stats, "no code in the outbox within " + CODE_TIMEOUT.toSeconds() + " s");
                return;
            }
            Answer session = post("/api/sessions/" + field(challenge.body, "challengeId") + "/code",
                    json("code", code));
            long t3 = System.nanoTime();
            String token = field(session.body, "token");
            if (session.status != 200 || token == null) {
                failed(stats, "code step: " + session.problem());
                return;
            }
            Answer logout = send(HttpRequest.newBuilder(base.resolve("/api/sessions/current")).DELETE()
                    .header("Authorization", "Bearer " + token));
            long t4 = System.nanoTime();
            if (logout.status != 204) {
                failed(stats, "logout: " + logout.problem());
                return;
            }
            stats.complete.incrementAndGet();
            stats.add(new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3});
        } catch (Exception e) {
            failed(stats, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    void failed(Stats stats, String message) {
        count(stats.errors, message);
        try {
            Thread.sleep(50); // a refusing server is not hammered in a tight loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void report(Stats stats, int cores) {
        int n = stats.complete.get();
        double perSecond = n / stats.seconds;
        System.out.printf(Locale.ROOT, "%nMeasured %.1f s with %d concurrent users%n", stats.seconds, concurrency);
        System.out.printf(Locale.ROOT, "  complete logins:        %d%n", n);
        System.out.printf(Locale.ROOT, "  logins/s:               %.1f%n", perSecond);
        System.out.printf(Locale.ROOT, "  logins/s per core:      %.1f   (%d cores; driver and server share them)%n",
                perSecond / cores, cores);
        String[] phases = {"password + trust + SMS", "code from outbox (wait)", "code check + session open",
                "logout", "complete login"};
        System.out.printf(Locale.ROOT, "  %-28s %10s %10s %10s%n", "phase (ms)", "median", "p99", "max");
        for (int p = 0; p < phases.length; p++) {
            long[] values = new long[stats.samples.size()];
            for (int i = 0; i < values.length; i++) {
                long[] s = stats.samples.get(i);
                values[i] = p < 4 ? s[p] : s[0] + s[1] + s[2] + s[3];
            }
            Arrays.sort(values);
            System.out.printf(Locale.ROOT, "  %-28s %10.1f %10.1f %10.1f%n", phases[p], percentile(values, 50),
                    percentile(values, 99), values.length == 0 ? 0 : values[values.length - 1] / 1e6);
        }
        int failures = stats.errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf(Locale.ROOT, "  errors:                 %d%n", failures);
        new TreeMap<>(stats.errors).forEach((message, count) ->
                System.out.printf(Locale.ROOT, "    x%-6d %s%n", count.get(), message));
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    // ---------------------------------------------------------------- HTTP and a tiny bit of JSON

    record Answer(int status, String body) {
        /** "HTTP 429: Too many ..." for the error report; the server's sentence, never a token. */
        String problem() {
            String error = field(body, "error");
            return "HTTP " + status + (error == null ? "" : ": " + error.replaceAll("\\d+ (second|try|tries)", "N $1"));
        }
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(HTTP_TIMEOUT).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** A JSON object of text fields, escaped. */
    static String json(String... namesAndValues) {
        var out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",").append(quote(namesAndValues[i])).append(':')
                    .append(quote(namesAndValues[i + 1]));
        }
        return out.append('}').toString();
    }

    static String quote(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The text value of a top-level field of a flat JSON object, unescaped; null when absent or not
     * a text. Enough for the API's answers and the outbox lines, which are flat objects.
     */
    static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"").matcher(json);
        if (!m.find()) {
            return null;
        }
        var out = new StringBuilder();
        for (int i = m.end(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 < json.length()) {
                            out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the outbox, read as it grows

    /**
     * Follows the outbox file (one JSON object per line: id, at, to, body, reference; newest last)
     * from one thread and hands each new message to the mailbox of its number, so that twenty
     * virtual users do not each re-read the whole file.
     */
    static final class OutboxTail implements Runnable {
        record Message(Instant at, String code) {
        }

        private final Path file;
        private final Map<String, LinkedBlockingDeque<Message>> mailboxes = new ConcurrentHashMap<>();
        private final Thread thread = new Thread(this, "outbox-tail");
        private volatile boolean running = true;
        private long position;

        OutboxTail(Path file) {
            this.file = file;
            thread.setDaemon(true);
        }

        void start() throws IOException {
            // Start at the current end: older messages belong to earlier runs.
            position = Files.exists(file) ? Files.size(file) : 0;
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(2000);
        }

        /** Drops what arrived for this number before the next request. */
        void forget(String number) {
            mailbox(number).clear();
        }

        /** The code of the newest message to this number written at or after {@code since}. */
        String awaitCode(String number, Instant since, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            var box = mailbox(number);
            while (true) {
                long left = end - System.nanoTime();
                Message m = left <= 0 ? null : box.pollFirst(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    return null;
                }
                // Newest wins if several came in (e.g. a late line from the previous request).
                for (Message more; (more = box.pollFirst()) != null; ) {
                    m = more;
                }
                if (!m.at.isBefore(since.minusMillis(5))) {
                    return m.code;
                }
            }
        }

        private LinkedBlockingDeque<Message> mailbox(String number) {
            return mailboxes.computeIfAbsent(number, n -> new LinkedBlockingDeque<>());
        }

        @Override
        public void run() {
            var partial = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            while (running) {
                try {
                    long size = Files.exists(file) ? Files.size(file) : 0;
                    if (size <= position) {
                        Thread.sleep(1);
                        continue;
                    }
                    try (var in = new RandomAccessFile(file.toFile(), "r")) {
                        in.seek(position);
                        int n;
                        var bytes = new java.io.ByteArrayOutputStream();
                        while (position < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                                size - position))) > 0) {
                            bytes.write(buffer, 0, n);
                            position += n;
                        }
                        partial.append(bytes.toString(StandardCharsets.UTF_8));
                    }
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        deliver(partial.substring(0, newline));
                        partial.delete(0, newline + 1);
                    }
                } catch (IOException e) {
                    System.err.println("Cannot read the outbox " + file + ": " + e.getMessage());
                    sleepQuietly();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void deliver(String line) {
            String to = field(line, "to");
            String body = field(line, "body");
            String at = field(line, "at");
            if (to == null || body == null || at == null) {
                return; // torn or foreign line
            }
            Matcher code = CODE.matcher(body);
            if (code.find()) {
                try {
                    mailbox(to).addLast(new Message(Instant.parse(at), code.group(1)));
                } catch (RuntimeException ignored) {
                    // an unreadable time stamp: not a line the server wrote
                }
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- options

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("Usage: java LoginLoad.java --outbox FILE [--url URL] [--users N] [--concurrency C]"
                        + " [--duration S] [--warmup S]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    static int bounded(Map<String, String> opts, String name, int fallback, int min, int max) {
        try {
            int value = Integer.parseInt(opts.getOrDefault(name, Integer.toString(fallback)));
            if (value < min || value > max) {
                fail("--" + name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            fail("--" + name + " must be a whole number");
            return fallback;
        }
    }

    static void count(Map<String, AtomicInteger> errors, String message) {
        errors.computeIfAbsent(message, m -> new AtomicInteger()).incrementAndGet();
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
