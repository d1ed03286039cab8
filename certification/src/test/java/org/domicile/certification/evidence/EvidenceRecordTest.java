package org.domicile.certification.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvidenceRecordTest {

    private static final String BODY = "1".repeat(64);
    private static final String ATTACHMENT = "2".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-21T07:00:00.123Z");

    static EvidenceRecord submission() {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("body.txt", BODY);
        digests.put("attachment-1.pdf", ATTACHMENT);
        return new EvidenceRecord("ev-1", EvidenceEvent.SUBMISSION_ACCEPTANCE, AT, "certification-server", "corr-1",
                "user-alice", List.of("user-bob", "org-acme"), digests,
                List.of(new PartyAssurance("user-alice", TrustLevel.SUBSTANTIAL, "password+sms-otp"),
                        new PartyAssurance("user-bob", TrustLevel.HIGH, "password+sms-otp")),
                "");
    }

    @Test
    @DisplayName("golden: the canonical JSON of a SubmissionAcceptance, byte for byte")
    void golden() {
        String expected = "{\"assurance\":[{\"authMethod\":\"password+sms-otp\",\"level\":\"SUBSTANTIAL\",\"party\":\"user-alice\"},"
                + "{\"authMethod\":\"password+sms-otp\",\"level\":\"HIGH\",\"party\":\"user-bob\"}],"
                + "\"contentDigests\":{\"attachment-1.pdf\":\"" + ATTACHMENT + "\",\"body.txt\":\"" + BODY + "\"},"
                + "\"event\":\"SubmissionAcceptance\",\"eventTime\":\"2026-11-21T07:00:00.123Z\",\"evidenceId\":\"ev-1\","
                + "\"issuer\":\"certification-server\",\"messageId\":\"corr-1\",\"reason\":\"\","
                + "\"recipients\":[\"user-bob\",\"org-acme\"],\"sender\":\"user-alice\",\"version\":1}";
        assertEquals(expected, new String(submission().toJson(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("round trip, and equal records give identical bytes")
    void roundTrip() {
        EvidenceRecord record = submission();
        assertEquals(record, EvidenceRecord.fromJson(record.toJson()));
        assertArrayEquals(record.toJson(), submission().toJson());
        EvidenceRecord rejection = new EvidenceRecord("ev-2", EvidenceEvent.CONSIGNMENT_REJECTION, AT, "certification-server",
                "corr-1", "user-alice", List.of("user-bob"), Map.of(), List.of(), "refused by the recipient \"Bob\"\n");
        assertEquals(rejection, EvidenceRecord.fromJson(rejection.toJson()));
    }

    @Test
    @DisplayName("the ETSI EN 319 522 names are spelled exactly, and exactly the failures/rejections/expiry are negative")
    void etsiNames() {
        assertEquals(List.of("SubmissionAcceptance", "SubmissionRejection", "ContentConsignment", "ContentConsignmentFailure",
                "ConsignmentNotification", "ConsignmentNotificationFailure", "NotificationForAcceptance",
                "ConsignmentAcceptance", "ConsignmentRejection", "AcceptanceRejectionExpiry", "ContentHandover",
                "ContentHandoverFailure", "RelayAcceptance", "RelayRejection", "RelayFailure", "RelayToNonERDS",
                "ReceivedFromNonERDS"), Arrays.stream(EvidenceEvent.values()).map(EvidenceEvent::etsiName).toList());
        Set<String> negative = Arrays.stream(EvidenceEvent.values()).filter(EvidenceEvent::negative)
                .map(EvidenceEvent::etsiName).collect(Collectors.toSet());
        assertEquals(Set.of("SubmissionRejection", "ContentConsignmentFailure", "ConsignmentNotificationFailure",
                "ConsignmentRejection", "AcceptanceRejectionExpiry", "ContentHandoverFailure", "RelayRejection",
                "RelayFailure"), negative);
        assertEquals(EvidenceEvent.RELAY_TO_NON_ERDS, EvidenceEvent.ofEtsiName("RelayToNonERDS"));
        assertThrows(IllegalArgumentException.class, () -> EvidenceEvent.ofEtsiName("relayToNonERDS"));
    }

    @Test
    @DisplayName("mandatory fields are checked with messages that name them; reasons only (and always) for negative events")
    void validation() {
        EvidenceRecord ok = submission();
        assertMessage("recipient", () -> new EvidenceRecord("ev", ok.event(), AT, "i", "m", "s", List.of(), Map.of(),
                List.of(), ""));
        assertMessage("evidenceId", () -> new EvidenceRecord(" ", ok.event(), AT, "i", "m", "s", List.of("r"), Map.of(),
                List.of(), ""));
        assertMessage("sender", () -> new EvidenceRecord("ev", ok.event(), AT, "i", "m", "", List.of("r"), Map.of(),
                List.of(), ""));
        assertMessage("eventTime", () -> new EvidenceRecord("ev", ok.event(), null, "i", "m", "s", List.of("r"), Map.of(),
                List.of(), ""));
        assertMessage("reason is mandatory", () -> new EvidenceRecord("ev", EvidenceEvent.RELAY_FAILURE, AT, "i", "m", "s",
                List.of("r"), Map.of(), List.of(), " "));
        assertMessage("not a negative event", () -> new EvidenceRecord("ev", EvidenceEvent.CONTENT_HANDOVER, AT, "i", "m",
                "s", List.of("r"), Map.of(), List.of(), "why not"));
        assertMessage("digest of content part body", () -> new EvidenceRecord("ev", ok.event(), AT, "i", "m", "s",
                List.of("r"), Map.of("body", "ABC"), List.of(), ""));
    }

    @Test
    @DisplayName("fromJson is strict: unknown, missing or mistyped fields and unknown events fail")
    void strictReading() {
        String json = new String(submission().toJson(), StandardCharsets.UTF_8);
        for (String bad : List.of(json.replace("\"version\":1", "\"version\":1,\"extra\":\"\""),
                json.replace("\"sender\":\"user-alice\",", ""),
                json.replace("\"event\":\"SubmissionAcceptance\"", "\"event\":\"SUBMISSION_ACCEPTANCE\""),
                json.replace("\"party\":\"user-bob\"", "\"party\":\"user-bob\",\"x\":\"y\""),
                json.replace("\"recipients\":[\"user-bob\",\"org-acme\"]", "\"recipients\":\"user-bob\""),
                json.replace("\"reason\":\"\"", "\"reason\":\"because\""))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EvidenceRecord.fromJson(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage().startsWith("evidence"), e.getMessage());
        }
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention " + fragment);
    }
}
