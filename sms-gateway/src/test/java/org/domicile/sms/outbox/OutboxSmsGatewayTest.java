package org.domicile.sms.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;
import org.domicile.sms.SmsStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSmsGatewayTest {

    private static final String ALICE = "+33612345678";
    private static final String BOB = "+447700900123";

    @TempDir
    Path dir;

    /** A clock that moves one second per reading, so every entry has its own time. */
    private static Clock ticking() {
        AtomicLong seconds = new AtomicLong(1_700_000_000L);
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }
        };
    }

    @Test
    void sentMessageSurvivesReopening() throws Exception {
        Path file = dir.resolve("data/sms/outbox.jsonl");
        Instant at = Instant.parse("2025-01-02T03:04:05Z");

        SmsReceipt receipt = new OutboxSmsGateway(file, Clock.fixed(at, ZoneOffset.UTC))
                .send(new SmsMessage(ALICE, "Your code is 123456", "challenge-1"));

        assertTrue(receipt.providerId().startsWith("outbox-"), receipt.providerId());
        assertEquals(SmsStatus.DELIVERED, receipt.status());
        assertEquals(1, Files.readAllLines(file, UTF_8).size());
        List<OutboxEntry> read = new OutboxSmsGateway(file, Clock.systemUTC()).latest(10);
        assertEquals(List.of(new OutboxEntry(receipt.providerId(), at, ALICE, "Your code is 123456", "challenge-1")),
                read);
    }

    @Test
    void latestForFiltersByNumberNewestFirstAndHonoursTheLimit() throws Exception {
        OutboxSmsGateway outbox = new OutboxSmsGateway(dir.resolve("outbox.jsonl"), ticking());
        outbox.send(new SmsMessage(ALICE, "a1", "r1"));
        outbox.send(new SmsMessage(BOB, "b1", "r2"));
        outbox.send(new SmsMessage(ALICE, "a2", "r3"));
        outbox.send(new SmsMessage(ALICE, "a3", "r4"));

        assertEquals(List.of("a3", "a2", "a1"), bodies(outbox.latestFor(ALICE, 10)));
        assertEquals(List.of("a3", "a2"), bodies(outbox.latestFor(ALICE, 2)));
        assertEquals(List.of("b1"), bodies(outbox.latestFor(BOB, 10)));
        assertEquals(List.of(), outbox.latestFor("+15005550006", 10));
        assertEquals(List.of("a3", "a2", "b1"), bodies(outbox.latest(3)));
        assertEquals(List.of(), outbox.latest(0));
        List<OutboxEntry> all = outbox.latest(10);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).at().isAfter(all.get(i).at()));
        }
    }

    @Test
    void missingFileReadsAsEmpty() {
        OutboxSmsGateway outbox = new OutboxSmsGateway(dir.resolve("never/written.jsonl"), Clock.systemUTC());

        assertEquals(List.of(), outbox.latest(5));
        assertEquals(List.of(), outbox.latestFor(ALICE, 5));
    }

    @Test
    void corruptAndTornLinesAreSkippedAndDoNotSwallowTheNextMessage() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsGateway outbox = new OutboxSmsGateway(file, ticking());
        outbox.send(new SmsMessage(ALICE, "before", "r1"));
        Files.writeString(file, "this is not json\n{\"id\":\"x\"}\n{\"id\":\"torn\",\"at\":\"20",
                UTF_8, StandardOpenOption.APPEND);
        outbox.send(new SmsMessage(ALICE, "after", "r2"));

        assertEquals(List.of("after", "before"), bodies(outbox.latest(10)));
    }

    @Test
    void awkwardBodiesRoundTrip() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        OutboxSmsGateway outbox = new OutboxSmsGateway(file, ticking());
        String body = "Quote \" backslash \\ slash / newline\nreturn\r tab\t bell\u0007 nul\u0000"
                + " accents éàç emoji \uD83D\uDCF1 separator\u2028 lone \uD800 end";

        outbox.send(new SmsMessage(ALICE, body, "ref \"1\" \\ é"));

        List<String> lines = Files.readAllLines(file, UTF_8);
        assertEquals(1, lines.size(), "one physical line per message");
        OutboxEntry entry = outbox.latest(1).get(0);
        assertEquals(body, entry.body());
        assertEquals("ref \"1\" \\ é", entry.reference());
    }

    @Test
    void concurrentSendsKeepEveryLineIntact() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // A separate instance per thread, as separate components of one server would have.
                OutboxSmsGateway outbox = new OutboxSmsGateway(file, Clock.systemUTC());
                Callable<List<String>> task = () -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String body = "thread " + thread + " message " + i + " " + "x".repeat(200);
                        ids.add(outbox.send(new SmsMessage(ALICE, body, thread + "-" + i)).providerId());
                    }
                    return ids;
                };
                results.add(pool.submit(task));
            }
            Set<String> sent = new HashSet<>();
            for (Future<List<String>> result : results) {
                sent.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(threads * perThread, sent.size());

            List<String> lines = Files.readAllLines(file, UTF_8);
            assertEquals(threads * perThread, lines.size());
            for (String line : lines) {
                assertTrue(OutboxEntry.fromJsonLine(line) != null, "intact line: " + line);
            }
            List<OutboxEntry> read = new OutboxSmsGateway(file).latest(10_000);
            assertEquals(threads * perThread, read.size());
            Set<String> readIds = new HashSet<>();
            read.forEach(entry -> readIds.add(entry.id()));
            assertEquals(sent, readIds);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void entryToStringHidesTheBodyAndMasksTheNumber() {
        OutboxEntry entry = new OutboxEntry("outbox-1", Instant.EPOCH, ALICE, "Your code is 987654", "r1");

        String text = entry.toString();

        assertFalse(text.contains("987654"), text);
        assertFalse(text.contains(ALICE), text);
        assertTrue(text.contains("+33*******78"), text);
    }

    @Test
    void nameIsOutbox() {
        assertEquals("outbox", new OutboxSmsGateway(dir.resolve("o.jsonl"), Clock.systemUTC()).name());
    }

    private static List<String> bodies(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::body).toList();
    }
}
