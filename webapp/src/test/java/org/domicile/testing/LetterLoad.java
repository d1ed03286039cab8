package org.domicile.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.domicile.testing.Accounts.User;

/**
 * Correspondence going on while a test does something to the server: per pair, one client keeps
 * sending simple letters (every other one with a file) and one keeps accepting what reaches the
 * recipient's inbox, each with its code. A request cut by a dead server is simply given up; a
 * letter counts as acknowledged only when its confirmation answered 200.
 */
public final class LetterLoad implements AutoCloseable {

    public static final String PDF_NAME = "note.pdf";

    /** A sender writing to one recipient. */
    public record Pair(int number, User sender, User recipient) {
    }

    /** A letter whose sending the server acknowledged, with the content the sender confirmed (pdf may be null). */
    public record Letter(String id, Pair pair, String subject, String text, byte[] pdf) {
    }

    private final Api api;
    private final List<Pair> pairs;
    private final BooleanSupplier serverUp;
    private final ConcurrentLinkedQueue<Letter> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> sendingRefused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answersRefused = new ConcurrentHashMap<>();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<Future<?>> senders = new ArrayList<>();
    private final List<Future<?>> recipients = new ArrayList<>();

    /** Starts the clients; {@code serverUp} tells refusals of the API from those of a restarting server. */
    public LetterLoad(Api api, List<Pair> pairs, BooleanSupplier serverUp) {
        this.api = api;
        this.pairs = List.copyOf(pairs);
        this.serverUp = serverUp;
        this.pool = Executors.newFixedThreadPool(2 * pairs.size());
        for (Pair pair : this.pairs) {
            senders.add(pool.submit(() -> send(pair)));
            recipients.add(pool.submit(() -> acceptAll(pair.recipient())));
        }
    }

    /** Stops writing new letters; returns once the last one is sent or given up. */
    public void stopSending() {
        sending.set(false);
        await(senders);
    }

    /** Stops accepting; returns once the recipients' clients are done. */
    public void stopAnswering() {
        answering.set(false);
        await(recipients);
    }

    public List<Letter> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** Counts so far, and the refusals by status and message. */
    public String summary() {
        return acknowledged.size() + " acknowledged, " + accepted.get() + " accepted, " + cut.get()
                + " requests cut; sending refused: " + sendingRefused + "; answers refused: " + answersRefused;
    }

    /** Stops every client, also when a test failed half-way. */
    @Override
    public void close() {
        sending.set(false);
        answering.set(false);
        pool.shutdown();
    }

    private void send(Pair pair) {
        User me = pair.sender();
        for (int n = 1; sending.get(); n++) {
            String subject = "Load " + pair.number() + "-" + n;
            String text = "Letter " + n + " of pair " + pair.number() + ", " + Instant.now() + ".\n";
            byte[] pdf = n % 2 == 0 ? null
                    : ("%PDF-1.4\n% note " + subject + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            try {
                var step = api.post("/api/correspondence", Letters.draft("SIMPLE", subject, text, pair.recipient()),
                        me.token());
                String id = step.status() == 201 ? step.require("id") : null;
                if (id != null && pdf != null) {
                    step = api.upload(id, PDF_NAME, pdf, me.token()).answer();
                }
                if (step.status() == 201) {
                    step = api.postEmpty("/api/correspondence/" + id + "/validation", me.token());
                }
                if (step.status() == 200 && step.field("contentDigest").isPresent()) {
                    step = Letters.startSending(api, me, id);
                }
                if (step.status() == 201 && step.field("challengeId").isPresent()) {
                    step = Letters.confirmSending(api, me, id, step.require("challengeId"),
                            Outbox.latestCode(api, me.mobile()));
                }
                if (step.status() == 200 && "SUBMITTED".equals(step.field("status").orElse(""))) {
                    acknowledged.add(new Letter(id, pair, subject, text, pdf));
                } else {
                    count(sendingRefused, step);
                    ServerProcess.pause(300);
                }
            } catch (RuntimeException | AssertionError serverAway) {
                // Killed or still starting: the request was cut or the page is not there yet.
                cut.incrementAndGet();
                ServerProcess.pause(300);
            }
        }
    }

    private void acceptAll(User me) {
        while (answering.get()) {
            try {
                var inbox = api.get("/api/inbox?limit=500", me.token());
                if (inbox.status() == 200) {
                    inbox.objects().stream().filter(e -> "WAITING".equals(e.get("status")))
                            .forEach(e -> accept(me, (String) e.get("id")));
                }
            } catch (RuntimeException | AssertionError serverAway) {
                cut.incrementAndGet();
            }
            ServerProcess.pause(300);
        }
    }

    private void accept(User me, String id) {
        var step = Letters.startHandover(api, me, id);
        if (step.status() == 201) {
            step = Letters.answerHandover(api, me, id, step.require("challengeId"), Outbox.latestCode(api, me.mobile()),
                    "ACCEPT");
        }
        if (step.status() == 200) {
            accepted.incrementAndGet();
        } else {
            count(answersRefused, step);
        }
    }

    private void count(Map<String, AtomicInteger> refusals, Api.Answer answer) {
        String error = answer.field("error").orElse(answer.body()).replaceAll("\\s+", " ");
        String key = !serverUp.getAsBoolean() ? "while restarting"
                : answer.status() + " " + (error.length() > 60 ? error.substring(0, 60) + "…" : error);
        refusals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void await(List<Future<?>> clients) {
        try {
            for (Future<?> f : clients) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client of the load failed", e.getCause());
        }
    }
}
