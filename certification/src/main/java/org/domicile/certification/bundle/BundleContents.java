package org.domicile.certification.bundle;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Everything an evidence bundle holds, checked for the bundle's naming rules when built.
 *
 * @param correspondenceId the correspondence identifier (manifest "correspondence")
 * @param subject          the subject, or "" while hidden
 * @param sender           the sender with assurance level and authentication method
 * @param recipients       the recipients, likewise
 * @param kind             the kind of correspondence
 * @param level            the assurance level the kind requires
 * @param tokens           the signed certification tokens in chain order, named {@code NN-STEP-N-KIND} with NN
 *                         their 1-based position (see {@link BundleLayout#tokenName})
 * @param evidence         the evidence records in order, named {@code NN-Event} (see
 *                         {@link BundleLayout#evidenceName})
 * @param certificates     signer certificates by key id ("certification-server", "tsa", "op-seal", "sender"...)
 * @param ca               the internal CA certificate, the bundle's only trust anchor
 * @param contentDigests   content part name to lowercase hex SHA-256 (becomes digests.txt)
 * @param events           the report's event lines
 * @param steps            the report's certification step lines
 */
public record BundleContents(String correspondenceId, String subject, ReportModel.Party sender,
                             List<ReportModel.Party> recipients, String kind, String level,
                             List<NamedBytes> tokens, List<EvidenceFile> evidence,
                             Map<String, X509Certificate> certificates, X509Certificate ca,
                             Map<String, String> contentDigests, List<ReportModel.Event> events,
                             List<ReportModel.Step> steps) {

    /** @throws IllegalArgumentException naming the first value that breaks the bundle's rules */
    public BundleContents {
        if (correspondenceId == null || correspondenceId.isBlank() || hasControl(correspondenceId)) {
            throw new IllegalArgumentException("correspondence id must be non-blank text");
        }
        if (ca == null) {
            throw new IllegalArgumentException("the CA certificate is required");
        }
        subject = subject == null ? "" : subject;
        kind = kind == null ? "" : kind;
        level = level == null ? "" : level;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        events = events == null ? List.of() : List.copyOf(events);
        steps = steps == null ? List.of() : List.copyOf(steps);
        certificates = Collections.unmodifiableMap(new TreeMap<>(certificates == null ? Map.of() : certificates));
        contentDigests = Collections.unmodifiableMap(new TreeMap<>(contentDigests == null ? Map.of() : contentDigests));
        checkTokenNames(tokens);
        checkEvidenceNames(evidence);
        certificates.forEach((keyId, cert) -> {
            if (!BundleLayout.KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("key id must be 1 to 64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit: " + keyId);
            }
            if (cert == null) {
                throw new IllegalArgumentException("certificate of " + keyId + " is null");
            }
        });
        contentDigests.forEach((part, digest) -> {
            checkPartName(part);
            if (!Digests.isSha256Hex(digest)) {
                throw new IllegalArgumentException("digest of " + part + " is not a lowercase hex SHA-256");
            }
        });
    }

    /** The report model of this bundle; content parts in digests.txt order (by name). */
    public ReportModel report() {
        List<ReportModel.ContentPart> parts = new ArrayList<>();
        contentDigests.forEach((name, digest) -> parts.add(new ReportModel.ContentPart(name, digest)));
        return new ReportModel(correspondenceId, kind, level, subject, sender, recipients, parts, events, steps);
    }

    /**
     * A content part name as it appears in digests.txt: a plain file name that {@code sha256sum -c} reads back
     * unchanged (no folder separators, no backslash, no control characters).
     */
    static void checkPartName(String part) {
        if (part == null || part.isEmpty() || part.length() > 255 || part.equals(".") || part.equals("..")
                || part.indexOf('/') >= 0 || part.indexOf('\\') >= 0 || hasControl(part)
                || !part.strip().equals(part)) {
            throw new IllegalArgumentException("content part name must be a plain file name without '/', '\\', "
                    + "control characters or surrounding spaces: \"" + part + "\"");
        }
    }

    private static void checkTokenNames(List<NamedBytes> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String name = tokens.get(i).name();
            Matcher m = BundleLayout.TOKEN_BASE.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException("token name must be NN-STEP-N-KIND: " + name);
            }
            String expected = BundleLayout.tokenName(i + 1, m.group(2), m.group(4));
            if (!expected.equals(name)) {
                throw new IllegalArgumentException("token at position " + (i + 1) + " must be named " + expected
                        + ", not " + name);
            }
        }
    }

    private static void checkEvidenceNames(List<EvidenceFile> evidence) {
        for (int i = 0; i < evidence.size(); i++) {
            String name = evidence.get(i).name();
            Matcher m = BundleLayout.EVIDENCE_BASE.matcher(name);
            if (!m.matches() || !BundleLayout.evidenceName(i + 1, m.group(2)).equals(name)) {
                throw new IllegalArgumentException("evidence at position " + (i + 1) + " must be named "
                        + BundleLayout.number(i + 1) + "-Event, not " + name);
            }
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == 0x2028 || c == 0x2029);
    }
}
