package org.domicile.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.domicile.certification.json.Json;
import org.domicile.testing.Accounts.User;

/**
 * Correspondence through the JSON API, step by step as a client program sends and answers it:
 * write a draft, validate it, send it with the code from the sender's phone; find it in the
 * recipient's inbox, open the handover session and answer with the code from his phone.
 */
public final class Letters {

    /** The steps of the chain, in order (SPEC §3). */
    public static final List<String> STEPS =
            List.of("SUBMIT", "SEAL", "TIMESTAMP", "PROTECT", "CHARGE", "DELIVER", "HANDOVER", "ARCHIVE");

    /** What the timeline of a correspondence says: its chain's state, countersigned steps and evidence events. */
    public record Timeline(String state, List<String> steps, List<String> events, List<String> reasons, String json) {

        /** The events of the chain itself, in order: without the SMS notices' outcomes, which come when the SMS leaves. */
        public List<String> chainEvents() {
            return events.stream().filter(e -> !e.startsWith("ConsignmentNotification")).toList();
        }

        /** The outcomes of the SMS notices (ConsignmentNotification or its Failure): at most one per recipient. */
        public List<String> noticeEvents() {
            return events.stream().filter(e -> e.startsWith("ConsignmentNotification")).toList();
        }
    }

    private Letters() {
    }

    /** The body of a draft. */
    public static String draft(String kind, String subject, String text, User... to) {
        return "{\"kind\":" + Json.quote(kind) + ",\"subject\":" + Json.quote(subject) + ",\"text\":" + Json.quote(text)
                + ",\"recipients\":[" + Arrays.stream(to).map(u -> Json.quote(u.key())).collect(Collectors.joining(","))
                + "]}";
    }

    /** Writes a draft; returns its id. */
    public static String create(Api api, User from, String kind, String subject, String text, User... to) {
        return api.post("/api/correspondence", draft(kind, subject, text, to), from.token())
                .expect(201, "a draft of " + from).require("id");
    }

    public static Api.Answer validate(Api api, User from, String id) {
        return api.postEmpty("/api/correspondence/" + id + "/validation", from.token()).expect(200, "validating " + id);
    }

    /** Starts sending a validated draft: the challenge whose code goes to the sender's phone. */
    public static Api.Answer startSending(Api api, User from, String id) {
        return api.postEmpty("/api/correspondence/" + id + "/sending", from.token());
    }

    public static Api.Answer confirmSending(Api api, User from, String id, String challengeId, String code) {
        return api.post("/api/correspondence/" + id + "/sending/" + challengeId, "{\"code\":" + Json.quote(code) + "}",
                from.token());
    }

    /** Validates, starts sending and confirms with the code: the answer to the confirmation. */
    public static Api.Answer send(Api api, User from, String id) {
        validate(api, from, id);
        var challenge = startSending(api, from, id).expect(201, "sending " + id);
        return confirmSending(api, from, id, challenge.require("challengeId"), Outbox.latestCode(api, from.mobile()));
    }

    /** Opens the handover session of a received correspondence: the challenge whose code goes to his phone. */
    public static Api.Answer startHandover(Api api, User recipient, String id) {
        return api.postEmpty("/api/inbox/" + id + "/handover", recipient.token());
    }

    public static Api.Answer answerHandover(Api api, User recipient, String id, String challengeId, String code,
                                            String decision) {
        return api.post("/api/inbox/" + id + "/handover/" + challengeId, "{\"code\":" + Json.quote(code)
                + ",\"decision\":" + Json.quote(decision) + "}", recipient.token());
    }

    /** Opens the handover session and answers ACCEPT or REFUSE with the code: the answer to the answer. */
    public static Api.Answer answer(Api api, User recipient, String id, String decision) {
        var challenge = startHandover(api, recipient, id).expect(201, "the handover session of " + id);
        return answerHandover(api, recipient, id, challenge.require("challengeId"),
                Outbox.latestCode(api, recipient.mobile()), decision);
    }

    /** The timeline of a correspondence, as {@code party} (its sender or a recipient) may read it. */
    @SuppressWarnings("unchecked")
    public static Timeline timeline(Api api, User party, String id) {
        var answer = api.get("/api/evidence/" + id + "/timeline", party.token()).expect(200, "the timeline of " + id);
        Map<String, Object> timeline = answer.object();
        var steps = (List<Map<String, Object>>) timeline.get("steps");
        var events = (List<Map<String, Object>>) timeline.get("events");
        return new Timeline((String) timeline.get("state"), steps.stream().map(s -> (String) s.get("step")).toList(),
                events.stream().map(e -> (String) e.get("event")).toList(),
                events.stream().map(e -> (String) e.get("reason")).toList(), answer.body());
    }

    /** Polls the sender's view until the correspondence has {@code status}; fails with the last one seen. */
    public static Api.Answer awaitStatus(Api api, User sender, String id, String status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Api.Answer last;
        do {
            last = api.get("/api/correspondence/" + id, sender.token());
            if (last.status() == 200 && status.equals(last.require("status"))) {
                return last;
            }
            if (last.status() == 200 && "STOPPED".equals(last.require("status"))) {
                throw new AssertionError(id + " stopped instead of reaching " + status + ": " + last.body());
            }
            ServerProcess.pause(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(id + " did not reach " + status + " within " + within.toSeconds() + " s: "
                + last.status() + " " + last.body());
    }

    /** Polls the recipient's inbox until the correspondence is in it; returns its entry there. */
    public static Map<String, Object> awaitInInbox(Api api, User recipient, String id, Duration within) {
        Instant deadline = Instant.now().plus(within);
        do {
            var inbox = api.get("/api/inbox", recipient.token()).expect(200, "the inbox of " + recipient);
            Optional<Map<String, Object>> entry = inbox.objects().stream().filter(e -> id.equals(e.get("id")))
                    .findFirst();
            if (entry.isPresent()) {
                return entry.get();
            }
            ServerProcess.pause(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(id + " was not delivered to " + recipient + " within " + within.toSeconds() + " s");
    }

}
