package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.domicile.testing.Accounts;
import org.domicile.testing.Accounts.User;
import org.domicile.testing.Api;
import org.domicile.testing.Evidence;
import org.domicile.testing.LetterLoad;
import org.domicile.testing.LetterLoad.Letter;
import org.domicile.testing.LetterLoad.Pair;
import org.domicile.testing.Letters;
import org.domicile.testing.Outbox;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 ("a crash at any point loses nothing: the chain resumes where it stopped, and no step's
 * effect happens twice") and SECURITY-BASELINE 24–25 on a whole server: senders keep submitting
 * simple letters and recipients keep accepting them while the server is killed ({@code kill -9})
 * three times at random moments and started again on the same data. In the end every letter whose
 * sending was acknowledged (confirmation answered 200) is archived exactly once, with its eight
 * steps countersigned once each, each evidence event once, and a bundle that verifies offline.
 */
class ChainCrashIT {

    private static final int PAIRS = 3;
    private static final int KILLS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final List<String> EVENTS =
            List.of("SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentAcceptance", "ContentHandover");
    private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");
    /** False from a kill until the server answers again: refusals in between are the restart's, not the API's. */
    private static final AtomicBoolean UP = new AtomicBoolean(true);

    private static ServerProcess server;
    private static Api api;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        // Every letter and every answer costs a code by SMS: the hourly cap per number must not stop the load.
        server = ServerProcess.start("chain-crash-it", Map.of("DOMICILE_SMS_PER_NUMBER_PER_HOUR", "100000"));
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("Rules 24-25: killed 3 times under load, every acknowledged letter is archived once and verifies")
    void acknowledgedLettersSurviveKills() throws Exception {
        Instant began = Instant.now();
        var pairs = new ArrayList<Pair>();
        for (int i = 1; i <= PAIRS; i++) {
            var pair = new Pair(i, Accounts.open(api, "sender" + i), Accounts.open(api, "recipient" + i));
            Accounts.addCounterpart(api, pair.sender(), pair.recipient());
            pairs.add(pair);
        }
        List<String> unfinished;
        List<Letter> acknowledged;
        try (var load = new LetterLoad(api, pairs, UP::get)) {
            int inFlight = killAndRestart(load);
            ServerProcess.pause(2_000);
            load.stopSending();
            System.out.println("[chain-crash] load over after " + Duration.between(began, Instant.now()).toSeconds()
                    + " s: " + load.summary());
            acknowledged = load.acknowledged();
            assertTrue(acknowledged.size() >= 2 * KILLS, "the load kept going: " + load.summary());
            assertTrue(inFlight > 0, "the kills caught letters in the chain");

            // Settle: the recipients keep accepting what still waits until every letter sent is archived.
            Instant deadline = Instant.now().plus(SETTLE);
            unfinished = unfinished(pairs, acknowledged);
            while (!unfinished.isEmpty() && Instant.now().isBefore(deadline)) {
                ServerProcess.pause(1_000);
                unfinished = unfinished(pairs, acknowledged);
            }
            load.stopAnswering();
        }
        List<String> stuck = unfinished;
        assertTrue(stuck.isEmpty(), () -> "not archived within " + SETTLE.toSeconds() + " s (id, status): " + stuck
                + "; the server's last words:\n" + server.tail(40));

        for (Pair pair : pairs) {
            assertArchivedOnce(pair, acknowledged);
        }
        for (Letter letter : acknowledged) {
            var timeline = Letters.timeline(api, letter.pair().sender(), letter.id());
            assertEquals("DONE", timeline.state(), timeline.json());
            assertEquals(Letters.STEPS, timeline.steps(), letter.subject() + ": " + timeline.json());
            assertEquals(EVENTS, timeline.chainEvents(), letter.subject() + ": " + timeline.json());
            assertTrue(timeline.noticeEvents().size() <= 1, "the notice's outcome at most once: " + timeline.json());
            assertBundleVerifies(letter, letter == acknowledged.get(0));
        }
        assertNoticesOnce(pairs, acknowledged);
        System.out.println("[chain-crash] " + acknowledged.size() + " acknowledged letters archived once with"
                + " verifying evidence; whole test " + Duration.between(began, Instant.now()).toSeconds() + " s");
    }

    /**
     * Kills the server at random moments a few seconds apart, each time right after noting what is
     * in the chain, and starts it again; returns how many letters were in the chain at the kills.
     */
    private static int killAndRestart(LetterLoad load) {
        long seed = System.nanoTime();
        var random = new Random(seed);
        System.out.println("[chain-crash] kill moments from seed " + seed);
        int inFlightAtKills = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            ServerProcess.pause(2_000 + random.nextInt(4_000));
            Map<Object, Long> inFlight = load.pairs().stream().flatMap(p -> sent(p).stream())
                    .filter(e -> !"ARCHIVED".equals(e.get("status")))
                    .collect(Collectors.groupingBy(e -> e.get("status"), Collectors.counting()));
            UP.set(false);
            server.kill();
            inFlightAtKills += inFlight.values().stream().mapToInt(Long::intValue).sum();
            System.out.println("[chain-crash] kill " + kill + " after " + load.acknowledged().size()
                    + " acknowledged letters; in flight just before: " + inFlight);
            server.startAgain();
            UP.set(true);
            // Sessions are kept in the database: the tokens given before the kill still open the offices.
            for (Pair pair : load.pairs()) {
                for (User user : List.of(pair.sender(), pair.recipient())) {
                    assertEquals(200, api.get("/api/office", user.token()).status(), user + "'s token after a restart");
                }
            }
        }
        return inFlightAtKills;
    }

    /** Letters sent (acknowledged or not) that are not archived yet, as "id status". */
    private static List<String> unfinished(List<Pair> pairs, List<Letter> acknowledged) {
        var statuses = new HashMap<String, String>();
        for (Pair pair : pairs) {
            for (Map<String, Object> e : sent(pair)) {
                statuses.put((String) e.get("id"), (String) e.get("status"));
            }
        }
        var open = new ArrayList<String>();
        statuses.forEach((id, status) -> {
            if (!"ARCHIVED".equals(status)) {
                open.add(id + " " + status);
            }
        });
        acknowledged.stream().filter(l -> !statuses.containsKey(l.id())).forEach(l -> open.add(l.id() + " MISSING"));
        return open;
    }

    private static List<Map<String, Object>> sent(Pair pair) {
        return api.get("/api/archive", pair.sender().token()).expect(200, "the archive of " + pair.sender())
                .objects().stream().filter(e -> "SENT".equals(e.get("direction"))).toList();
    }

    /** Each letter once in the sender's archive and once in the recipient's inbox and archive. */
    private static void assertArchivedOnce(Pair pair, List<Letter> acknowledged) {
        Map<String, Long> sentIds = countById(sent(pair));
        var received = api.get("/api/archive", pair.recipient().token()).expect(200, "the recipient's archive")
                .objects().stream().filter(e -> "RECEIVED".equals(e.get("direction"))).toList();
        Map<String, Long> receivedIds = countById(received);
        Map<String, Long> inboxIds = countById(api.get("/api/inbox?limit=500", pair.recipient().token())
                .expect(200, "the inbox").objects());
        assertTrue(sentIds.values().stream().allMatch(c -> c == 1), "sent once each: " + sentIds);
        assertTrue(receivedIds.values().stream().allMatch(c -> c == 1), "received once each: " + receivedIds);
        assertTrue(inboxIds.values().stream().allMatch(c -> c == 1), "delivered once each: " + inboxIds);
        assertEquals(sentIds.keySet(), receivedIds.keySet(), "what was sent is what was received");
        assertTrue(received.stream().allMatch(e -> "ACCEPTED".equals(e.get("status"))), "all accepted: " + received);
        acknowledged.stream().filter(l -> l.pair() == pair).forEach(l ->
                assertTrue(sentIds.containsKey(l.id()), l.subject() + " was acknowledged: " + l.id()));
    }

    private static Map<String, Long> countById(List<Map<String, Object>> entries) {
        return entries.stream().collect(Collectors.groupingBy(e -> (String) e.get("id"), Collectors.counting()));
    }

    /** The sender's bundle verifies with the content he confirmed: in this JVM, and for one letter with the jar. */
    private void assertBundleVerifies(Letter letter, boolean withCommand) throws Exception {
        Path dir = Files.createDirectories(folder.resolve(letter.id()));
        var bundle = api.download("/api/evidence/" + letter.id(), letter.pair().sender().token());
        assertEquals(200, bundle.status(), bundle.text());
        Path zip = Files.write(dir.resolve("bundle.zip"), bundle.body());
        Map<String, Path> content = new LinkedHashMap<>();
        content.put("message.txt", Files.writeString(dir.resolve("message.txt"), letter.text()));
        if (letter.pdf() != null) {
            content.put(LetterLoad.PDF_NAME, Files.write(dir.resolve(LetterLoad.PDF_NAME), letter.pdf()));
        }
        var report = Evidence.verify(zip, content);
        assertTrue(report.allOk(), letter.subject() + ": " + report.failures());
        if (withCommand) {
            var args = new ArrayList<>(List.of("verify", zip.toString()));
            content.forEach((name, file) -> args.add(name + "=" + file));
            var run = Evidence.verifierCommand(dir, args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("VERIFIED - ") && !run.output().contains("NOT VERIFIED"), run.output());
        }
    }

    /**
     * No SMS notice twice for the same letter and recipient. The notice of a delivery names no
     * letter, so per recipient there must be at most one per letter delivered to him; the notice of
     * an answer names the letter's subject, so the sender gets at most one per letter.
     */
    private static void assertNoticesOnce(List<Pair> pairs, List<Letter> acknowledged) {
        List<Outbox.Message> all = Outbox.all(server);
        Function<String, List<String>> notices = mobile -> all.stream()
                .filter(m -> m.to().equals(mobile) && !CODE.matcher(m.body()).find()).map(Outbox.Message::body)
                .toList();
        boolean any = pairs.stream().anyMatch(p -> !notices.apply(p.sender().mobile()).isEmpty()
                || !notices.apply(p.recipient().mobile()).isEmpty());
        assertTrue(any, "the recipients are told of their letters by SMS");
        for (Pair pair : pairs) {
            long delivered = api.get("/api/inbox?limit=500", pair.recipient().token()).objects().size();
            long deliveryNotices = notices.apply(pair.recipient().mobile()).stream()
                    .filter(b -> b.contains("is waiting for you")).count();
            assertTrue(deliveryNotices <= delivered, pair.recipient() + " got " + deliveryNotices
                    + " delivery notices for " + delivered + " letters");
            List<String> toSender = notices.apply(pair.sender().mobile());
            for (Letter letter : acknowledged) {
                if (letter.pair() == pair) {
                    long answers = toSender.stream().filter(b -> b.contains("\"" + letter.subject() + "\"")).count();
                    assertTrue(answers <= 1, answers + " answer notices for " + letter.subject());
                }
            }
        }
    }
}
