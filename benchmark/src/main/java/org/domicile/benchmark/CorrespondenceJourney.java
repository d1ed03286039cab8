package org.domicile.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.domicile.benchmark.Accounts.Participant;
import org.domicile.certification.json.Json;

/**
 * One registered correspondence through the service, as its sender and its recipient do it: the sender
 * writes the draft, validates it, starts sending and confirms with the code texted to him (the submission
 * acceptance, whose latency is measured); once it is delivered, the recipient opens the handover session of
 * his inbox entry with the code texted to him and accepts; the sender then sees it ARCHIVED. The state is read
 * by polling the correspondence's summary (no text, nothing decrypted), with a growing pause, and the polls are
 * counted.
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
        DELIVERY("wait for the delivery", false),
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
    private static final Set<String> DELIVERED_OR_LATER = Set.of("DELIVERED", "ARCHIVED");

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
     * Sends one correspondence from {@code sender} to {@code recipient}.
     *
     * @throws ServiceApi.StepFailed     naming the step that failed
     * @throws ServiceApi.MissingEndpoint if the server lacks an endpoint of the journey
     */
    Timing run(Participant sender, Participant recipient, String subject) {
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
        String entry = awaitDelivered(sender, id, poller);
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
     * Waits until the correspondence is delivered: the sender's view of its state (no text, nothing
     * decrypted) passes PROCESSING. The recipient's inbox entry has the correspondence's id.
     */
    private String awaitDelivered(Participant sender, String id, Poller poller) {
        String status = await(sender, id, poller, DELIVERED_OR_LATER, "delivered");
        if (!"DELIVERED".equals(status)) {
            throw new ServiceApi.StepFailed("the correspondence is " + status + ", not DELIVERED");
        }
        return id;
    }

    private void awaitArchived(Participant sender, String id, Poller poller) {
        poller.restart();
        await(sender, id, poller, Set.of("ARCHIVED"), "ARCHIVED");
    }

    /** Reads the state until it is one of {@code wanted}; fails on an end other than those. */
    private String await(Participant sender, String id, Poller poller, Set<String> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            poller.polls++;
            String status = api.get("/api/correspondence/" + id + "/summary", sender.token())
                    .expect(200, "GET /api/correspondence/{id}/summary").text("status");
            if (wanted.contains(status)) {
                return status;
            }
            if (FAILED.contains(status)) {
                throw new ServiceApi.StepFailed("the correspondence ended " + status + " instead of " + what);
            }
            poller.pause(deadline, "not " + what + " within " + WAIT.toSeconds() + " s (still " + status + ")");
        }
    }

    /** Counts state reads and pauses between them: 50 ms at first, half as long again each time, at most 200 ms. */
    private static final class Poller {
        private static final long FIRST_PAUSE_MILLIS = 50;
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
