package org.domicile.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.domicile.benchmark.Accounts.Participant;

/**
 * One registered correspondence through the service, as its sender and its recipient do it: the sender
 * writes the draft, validates it, starts sending and confirms with the code texted to him (the submission
 * acceptance, whose latency is measured); the recipient finds it in his inbox, opens the handover session
 * with the code texted to him and accepts; the sender then sees it ARCHIVED. States are read by polling, with
 * a growing pause, and the polls are counted.
 */
final class CorrespondenceJourney {

    /** How far each correspondence goes. */
    enum Until {
        /** Up to the submission acceptance (SUBMITTED): what a server without the processing chain can do. */
        SUBMITTED,
        /** Through the whole chain, delivery and handover, to the archive. */
        ARCHIVED
    }

    /** The phases of a correspondence as the driver sees them, in order. */
    enum Phase {
        WRITE("write the draft", true),
        VALIDATE("validate", true),
        START_SENDING("start sending (trust, SMS)", true),
        SENDER_CODE("sender's code from the outbox", true),
        SUBMISSION("submission acceptance", true),
        DELIVERY("wait for the inbox entry", false),
        START_HANDOVER("open handover (trust, SMS)", false),
        RECIPIENT_CODE("recipient's code from outbox", false),
        ACCEPTANCE("recipient's acceptance", false),
        ARCHIVE("wait for ARCHIVED", false);

        private final String label;
        private final boolean untilSubmission;

        Phase(String label, boolean untilSubmission) {
            this.label = label;
            this.untilSubmission = untilSubmission;
        }

        String label() {
            return label;
        }

        /** Whether a run that stops at SUBMITTED has this phase. */
        boolean untilSubmission() {
            return untilSubmission;
        }
    }

    /**
     * Durations of one correspondence, in nanoseconds.
     *
     * @param phases each {@link Phase}'s duration, by ordinal (0 for phases not run)
     * @param total  from writing the draft to seeing it ARCHIVED (or SUBMITTED)
     * @param polls  state reads while waiting for delivery and archive
     */
    record Timing(long[] phases, long total, int polls) {

        long of(Phase phase) {
            return phases[phase.ordinal()];
        }

        /** The submission acceptance: the call that confirms the sending with the code. */
        long submission() {
            return of(Phase.SUBMISSION);
        }
    }

    /** Marks the end of each phase. */
    private static final class Laps {
        private final long start = System.nanoTime();
        private final long[] phases = new long[Phase.values().length];
        private long mark = start;

        void done(Phase phase) {
            long now = System.nanoTime();
            phases[phase.ordinal()] = now - mark;
            mark = now;
        }

        Timing timing(int polls) {
            return new Timing(phases.clone(), System.nanoTime() - start, polls);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Set<String> FAILED = Set.of("REFUSED", "EXPIRED", "STOPPED");
    private static final Set<String> NOT_SENT = Set.of("DRAFT", "VALIDATED");

    private final ServiceApi api;
    private final Accounts accounts;
    private final String text;
    private final Until until;

    CorrespondenceJourney(ServiceApi api, Accounts accounts, String text, Until until) {
        this.api = api;
        this.accounts = accounts;
        this.text = text;
        this.until = until;
    }

    /**
     * Sends one correspondence from {@code sender} to {@code recipient}, who must not receive from anyone
     * else meanwhile. {@code handled} holds the inbox entries this recipient already dealt with.
     *
     * @throws ServiceApi.StepFailed     naming the step that failed
     * @throws ServiceApi.MissingEndpoint if the server lacks an endpoint of the journey
     */
    Timing run(Participant sender, Participant recipient, String subject, Set<String> handled) {
        var laps = new Laps();
        String id = api.post("/api/correspondence", "{\"kind\":\"REGISTERED\",\"subject\":" + Json.quote(subject)
                        + ",\"text\":" + Json.quote(text) + ",\"recipients\":[" + Json.quote(recipient.key()) + "]}",
                sender.token()).expect(201, "POST /api/correspondence").text("id");
        laps.done(Phase.WRITE);
        var validation = api.post("/api/correspondence/" + id + "/validation", "", sender.token())
                .expect(200, "POST /api/correspondence/{id}/validation");
        if (!Boolean.TRUE.equals(validation.object().get("ready"))) {
            throw new ServiceApi.StepFailed("validation: not ready to send (is every party at SUBSTANTIAL?)");
        }
        laps.done(Phase.VALIDATE);
        Instant asked = accounts.expectCode(sender.mobile());
        String challengeId = api.post("/api/correspondence/" + id + "/sending", "", sender.token())
                .expect(201, "POST /api/correspondence/{id}/sending").text("challengeId");
        laps.done(Phase.START_SENDING);
        String code = accounts.code(sender.mobile(), asked);
        laps.done(Phase.SENDER_CODE);
        var submitted = api.post("/api/correspondence/" + id + "/sending/" + challengeId, "{\"code\":"
                + Json.quote(code) + "}", sender.token()).expect(200, "POST /api/correspondence/{id}/sending/{challengeId}");
        laps.done(Phase.SUBMISSION);
        String status = submitted.text("status");
        if (NOT_SENT.contains(status) || FAILED.contains(status)) {
            throw new ServiceApi.StepFailed("submission answered with status " + status);
        }
        if (until == Until.SUBMITTED) {
            return laps.timing(0);
        }

        var poller = new Poller();
        String entry = awaitInbox(recipient, id, handled, poller);
        handled.add(entry);
        laps.done(Phase.DELIVERY);
        Instant handoverAsked = accounts.expectCode(recipient.mobile());
        String handoverId = api.post("/api/inbox/" + entry + "/handover", "", recipient.token())
                .expectSuccess("POST /api/inbox/{id}/handover").text("challengeId");
        laps.done(Phase.START_HANDOVER);
        String handoverCode = accounts.code(recipient.mobile(), handoverAsked);
        laps.done(Phase.RECIPIENT_CODE);
        api.post("/api/inbox/" + entry + "/handover/" + handoverId, "{\"code\":" + Json.quote(handoverCode)
                + ",\"decision\":\"ACCEPT\"}", recipient.token())
                .expectSuccess("POST /api/inbox/{id}/handover/{challengeId}");
        laps.done(Phase.ACCEPTANCE);
        awaitArchived(sender, id, poller);
        laps.done(Phase.ARCHIVE);
        return laps.timing(poller.polls);
    }

    /**
     * The recipient's inbox entry of correspondence {@code id}: the entry with that id, or else the newest
     * WAITING entry not dealt with yet (the recipient receives from one sender, one correspondence at a time).
     */
    private String awaitInbox(Participant recipient, String id, Set<String> handled, Poller poller) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            poller.polls++;
            List<Object> inbox = api.get("/api/inbox", recipient.token()).expect(200, "GET /api/inbox").array();
            String waiting = null;
            String newest = "";
            for (Object item : inbox) {
                if (!(item instanceof Map<?, ?> entry)) {
                    continue;
                }
                String entryId = Objects.toString(entry.get("id"), "");
                String status = Objects.toString(entry.get("status"), "");
                if (entryId.equals(id)) {
                    if (!"WAITING".equals(status)) {
                        throw new ServiceApi.StepFailed("inbox: the correspondence is " + status + ", not WAITING");
                    }
                    return entryId;
                }
                String delivered = Objects.toString(entry.get("deliveredAt"), "");
                if ("WAITING".equals(status) && !handled.contains(entryId) && delivered.compareTo(newest) >= 0) {
                    waiting = entryId;
                    newest = delivered;
                }
            }
            if (waiting != null) {
                return waiting;
            }
            poller.pause(deadline, "not in the recipient's inbox within " + WAIT.toSeconds() + " s");
        }
    }

    private void awaitArchived(Participant sender, String id, Poller poller) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        poller.restart();
        while (true) {
            poller.polls++;
            String status = api.get("/api/correspondence/" + id, sender.token())
                    .expect(200, "GET /api/correspondence/{id}").text("status");
            if ("ARCHIVED".equals(status)) {
                return;
            }
            if (FAILED.contains(status)) {
                throw new ServiceApi.StepFailed("the correspondence ended " + status + " instead of ARCHIVED");
            }
            poller.pause(deadline, "not ARCHIVED within " + WAIT.toSeconds() + " s (still " + status + ")");
        }
    }

    /** Counts state reads and pauses between them: 10 ms at first, half as long again each time, at most 200 ms. */
    private static final class Poller {
        private static final long FIRST_PAUSE_MILLIS = 10;
        private long pauseMillis = FIRST_PAUSE_MILLIS;
        private int polls;

        /** A new wait starts with a short pause again. */
        void restart() {
            pauseMillis = FIRST_PAUSE_MILLIS;
        }

        void pause(long deadline, String timeoutMessage) {
            if (System.nanoTime() > deadline) {
                throw new ServiceApi.StepFailed(timeoutMessage);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceApi.StepFailed("interrupted");
            }
            pauseMillis = Math.min(200, pauseMillis * 3 / 2);
        }
    }
}
