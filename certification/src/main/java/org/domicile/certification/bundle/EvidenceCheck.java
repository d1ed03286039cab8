package org.domicile.certification.bundle;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One evidence record and its time-stamp: the record signed by the certification server, its fields as the
 * format and SPEC section 4 require, its content digests equal to digests.txt, and the time-stamp over it.
 */
final class EvidenceCheck {

    static final Set<String> KEYS = Set.of("assurance", "contentDigests", "event", "eventTime", "evidenceId",
            "issuer", "messageId", "reason", "recipients", "sender", "version");

    /** How far an event may seem to follow its own time-stamp (clocks of the server and the TSA). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private EvidenceCheck() {
    }

    /**
     * Checks evidence/{@code name}.p7m and .tst, reporting each under its file name.
     *
     * @param digests digests.txt as parsed, or null when unusable
     * @return the time-stamped time, or null when the time-stamp does not verify
     */
    static Instant check(String name, Map<String, byte[]> files, Map<String, String> digests,
                         CertificateCheck certificates, CheckList list) {
        String p7mName = BundleLayout.EVIDENCE_DIR + name + ".p7m";
        String tstName = BundleLayout.EVIDENCE_DIR + name + ".tst";
        byte[] p7m = files.get(p7mName);
        byte[] tst = files.get(tstName);
        if (p7m == null || tst == null) {
            return null; // reported by the layout check
        }
        CheckList.Subject record = list.subject(CheckList.Section.EVIDENCE, p7mName);
        CheckList.Subject stamp = list.subject(CheckList.Section.EVIDENCE, tstName);

        Instant genTime = null;
        X509Certificate tsa = certificates.certificate(BundleLayout.TSA);
        if (tsa == null) {
            stamp.fail("certificates/tsa.pem is missing or unreadable");
        } else {
            try {
                genTime = TimeStampCheck.verify(tst, p7m, p7mName, tsa);
                if (!certificates.trusted(BundleLayout.TSA)) {
                    stamp.fail("certificates/tsa.pem is not issued by ca.pem");
                }
                certificates.used(BundleLayout.TSA, genTime, "time-stamp " + tstName);
            } catch (VerificationProblem e) {
                stamp.fail(e.getMessage());
            }
        }

        Instant eventTime = null;
        String event = "";
        try {
            SignedEnvelope envelope = SignedEnvelope.open(p7m);
            X509Certificate server = certificates.certificate(BundleLayout.CERTIFICATION_SERVER);
            if (server == null) {
                record.fail("certificates/certification-server.pem is missing or unreadable");
            } else {
                envelope.verifySignedBy(server, "certificates/certification-server.pem");
                if (!certificates.trusted(BundleLayout.CERTIFICATION_SERVER)) {
                    record.fail("certificates/certification-server.pem is not issued by ca.pem");
                }
            }
            JsonFields f = new JsonFields(JsonFields.parse(envelope.content()), KEYS);
            event = f.nonEmpty("event");
            eventTime = f.time("eventTime", false);
            f.nonEmpty("evidenceId");
            f.nonEmpty("issuer");
            f.text("messageId");
            f.nonEmpty("sender");
            f.version();
            String reason = f.text("reason");
            if (f.texts("recipients").isEmpty()) {
                f.problem("field \"recipients\" is empty");
            }
            assurance(f);
            Map<String, String> contentDigests = contentDigests(f);
            f.problems().forEach(record::fail);
            String fileEvent = name.substring(name.indexOf('-') + 1);
            if (!event.isEmpty() && !fileEvent.equals(event)) {
                record.fail("file name says " + fileEvent + " but the record's event is " + event);
            }
            if (EventMeanings.isNegative(event) && reason.isEmpty()) {
                record.fail("event " + event + " is negative but field \"reason\" is empty");
            }
            compareDigests(contentDigests, digests, record);
        } catch (VerificationProblem e) {
            record.fail(e.getMessage());
        }
        if (genTime != null) {
            certificates.used(BundleLayout.CERTIFICATION_SERVER, genTime, "signature of " + p7mName
                    + ", time-stamped");
            if (eventTime != null && eventTime.isAfter(genTime.plus(CLOCK_SKEW))) {
                record.fail("eventTime " + eventTime + " is after its time-stamp " + genTime);
            }
        }
        record.okUnlessFailed(event + " at " + eventTime + ", signed by certification-server");
        stamp.okUnlessFailed("time-stamped at " + genTime + " by certificates/tsa.pem");
        return stamp.failed() ? null : genTime;
    }

    private static void assurance(JsonFields f) {
        for (Object item : f.array("assurance")) {
            if (!(item instanceof Map<?, ?>)) {
                f.problem("field \"assurance\" holds a value that is not an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            JsonFields entry = new JsonFields((Map<String, Object>) item, Set.of("authMethod", "level", "party"));
            entry.text("authMethod");
            entry.text("level");
            entry.nonEmpty("party");
            entry.problems().forEach(p -> f.problem("field \"assurance\": " + p));
        }
    }

    private static Map<String, String> contentDigests(JsonFields f) {
        Map<String, String> out = new TreeMap<>();
        f.object("contentDigests").forEach((part, digest) -> {
            if (!(digest instanceof String s) || !Digests.isSha256Hex(s)) {
                f.problem("field \"contentDigests\": the digest of \"" + JsonFields.shorten(part)
                        + "\" is not 64 lowercase hex characters");
            } else {
                out.put(part, s);
            }
        });
        return out;
    }

    private static void compareDigests(Map<String, String> record, Map<String, String> digests,
                                       CheckList.Subject subject) {
        if (digests == null) {
            subject.fail("contentDigests cannot be compared: digests.txt is missing or unreadable");
            return;
        }
        Set<String> parts = new TreeSet<>(record.keySet());
        parts.addAll(digests.keySet());
        for (String part : parts) {
            String inRecord = record.get(part);
            String inFile = digests.get(part);
            if (inRecord == null) {
                subject.fail("contentDigests lacks \"" + part + "\", which digests.txt lists");
            } else if (inFile == null) {
                subject.fail("contentDigests lists \"" + part + "\", which digests.txt lacks");
            } else if (!inRecord.equals(inFile)) {
                subject.fail("contentDigests[\"" + part + "\"] = " + inRecord + ", digests.txt says " + inFile);
            }
        }
    }
}
