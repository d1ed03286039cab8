package org.domicile.certification.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle's files against its layout: the manifest (every other file listed, no more, hashes matching),
 * the file names (known folders and patterns, positions 01.. without gaps), and digests.txt.
 */
final class LayoutCheck {

    /** The bundle's files by role, in order. */
    record Layout(List<String> tokenFiles, List<String> evidenceNames, List<String> keyIds) {
    }

    private static final Set<String> TOP_LEVEL =
            Set.of(BundleLayout.README, BundleLayout.MANIFEST, BundleLayout.CA, BundleLayout.DIGESTS,
                    BundleLayout.REPORT);
    private static final Pattern DIGEST_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private LayoutCheck() {
    }

    /** Checks manifest.json; returns its correspondence id, or null when the manifest is unusable. */
    static String manifest(Map<String, byte[]> files, CheckList list) {
        CheckList.Subject subject = list.subject(CheckList.Section.MANIFEST, BundleLayout.MANIFEST);
        byte[] bytes = files.get(BundleLayout.MANIFEST);
        if (bytes == null) {
            subject.fail("missing");
            return null;
        }
        Map<String, Object> json;
        try {
            json = JsonFields.parse(bytes);
        } catch (VerificationProblem e) {
            subject.fail(e.getMessage());
            return null;
        }
        JsonFields fields = new JsonFields(json, Set.of("correspondence", "files", "version"));
        String correspondence = fields.nonEmpty("correspondence");
        fields.version();
        Set<String> listed = new HashSet<>();
        for (Object item : fields.array("files")) {
            if (!(item instanceof Map<?, ?>)) {
                fields.problem("\"files\" holds an entry that is not an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            JsonFields file = new JsonFields((Map<String, Object>) item, Set.of("name", "sha256"));
            String name = file.nonEmpty("name");
            String digest = file.sha256("sha256", false);
            file.problems().forEach(p -> fields.problem("files entry \"" + JsonFields.shorten(name) + "\": " + p));
            if (name.isEmpty()) {
                continue;
            }
            if (!listed.add(name)) {
                fields.problem(name + " is listed twice");
            } else if (name.equals(BundleLayout.MANIFEST)) {
                fields.problem("lists itself");
            } else if (!files.containsKey(name)) {
                fields.problem("lists " + name + ", which is not in the bundle");
            } else {
                String actual = Digests.sha256Hex(files.get(name));
                if (!actual.equals(digest)) {
                    fields.problem(name + ": SHA-256 is " + actual + ", the manifest says " + digest);
                }
            }
        }
        for (String name : files.keySet()) {
            if (!name.equals(BundleLayout.MANIFEST) && !listed.contains(name)) {
                fields.problem(name + " is in the bundle but not listed");
            }
        }
        fields.problems().forEach(subject::fail);
        subject.okUnlessFailed(listed.size() + " files listed, every SHA-256 matches");
        return correspondence.isEmpty() ? null : correspondence;
    }

    /** Checks the file names against the layout; returns the tokens, evidence records and key ids found. */
    static Layout layout(Map<String, byte[]> files, CheckList list) {
        CheckList.Subject subject = list.subject(CheckList.Section.LAYOUT, "layout");
        TreeMap<Integer, String> tokens = new TreeMap<>();
        Map<Integer, String> evidence = new TreeMap<>();
        Map<String, Set<String>> evidenceParts = new LinkedHashMap<>();
        List<String> keyIds = new ArrayList<>();
        for (String name : files.keySet()) {
            Matcher token = BundleLayout.TOKEN_FILE.matcher(name);
            Matcher record = BundleLayout.EVIDENCE_FILE.matcher(name);
            Matcher cert = BundleLayout.CERTIFICATE_FILE.matcher(name);
            if (TOP_LEVEL.contains(name)) {
                continue;
            } else if (token.matches()) {
                if (tokens.put(Integer.parseInt(token.group(1)), name) != null) {
                    subject.fail(name + ": position " + token.group(1) + " is used twice");
                }
            } else if (record.matches()) {
                String base = name.substring(BundleLayout.EVIDENCE_DIR.length(), name.lastIndexOf('.'));
                evidenceParts.computeIfAbsent(base, b -> new HashSet<>()).add(record.group(3));
                String other = evidence.put(Integer.parseInt(record.group(1)), base);
                if (other != null && !other.equals(base)) {
                    subject.fail(name + ": position " + record.group(1) + " is used twice");
                }
            } else if (cert.matches()) {
                keyIds.add(cert.group(1));
            } else {
                subject.fail(name + ": not part of the bundle layout");
            }
        }
        for (String required
                : List.of(BundleLayout.README, BundleLayout.CA, BundleLayout.DIGESTS, BundleLayout.REPORT)) {
            if (!files.containsKey(required)) {
                subject.fail(required + " is missing");
            }
        }
        byte[] report = files.get(BundleLayout.REPORT);
        if (report != null && !new String(report, 0, Math.min(5, report.length), StandardCharsets.ISO_8859_1)
                .equals("%PDF-")) {
            subject.fail(BundleLayout.REPORT + " is not a PDF file");
        }
        consecutive(tokens.keySet(), "tokens", subject);
        consecutive(evidence.keySet(), "evidence records", subject);
        evidenceParts.forEach((base, parts) -> {
            for (String ext : List.of("p7m", "tst")) {
                if (!parts.contains(ext)) {
                    subject.fail(BundleLayout.EVIDENCE_DIR + base + "." + ext + " is missing");
                }
            }
        });
        if ((!tokens.isEmpty() || !evidence.isEmpty()) && !keyIds.contains(BundleLayout.CERTIFICATION_SERVER)) {
            subject.fail(BundleLayout.certificateFile(BundleLayout.CERTIFICATION_SERVER) + " is missing");
        }
        if (!evidence.isEmpty() && !keyIds.contains(BundleLayout.TSA)) {
            subject.fail(BundleLayout.certificateFile(BundleLayout.TSA) + " is missing");
        }
        subject.okUnlessFailed(tokens.size() + " tokens, " + evidence.size() + " evidence records, "
                + keyIds.size() + " certificates");
        keyIds.sort(Comparator.naturalOrder());
        return new Layout(List.copyOf(tokens.values()), List.copyOf(evidence.values()), keyIds);
    }

    /** Parses digests.txt (sha256sum format); returns part name to digest, or null when unusable. */
    static Map<String, String> digests(byte[] bytes, CheckList list) {
        CheckList.Subject subject = list.subject(CheckList.Section.DIGESTS, BundleLayout.DIGESTS);
        if (bytes == null) {
            subject.fail("missing");
            return null;
        }
        Map<String, String> digests = new LinkedHashMap<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            subject.fail("the last line does not end with a line break");
        }
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            Matcher m = DIGEST_LINE.matcher(lines[i]);
            if (!m.matches()) {
                subject.fail("line " + (i + 1) + " is not \"<64 lowercase hex>  <name>\": \""
                        + JsonFields.shorten(lines[i]) + "\"");
                continue;
            }
            try {
                BundleContents.checkPartName(m.group(2));
            } catch (IllegalArgumentException e) {
                subject.fail("line " + (i + 1) + ": " + e.getMessage());
                continue;
            }
            if (digests.put(m.group(2), m.group(1)) != null) {
                subject.fail("line " + (i + 1) + ": " + m.group(2) + " is listed twice");
            }
        }
        return subject.okUnlessFailed(digests.size() + " content parts") ? digests : null;
    }

    private static void consecutive(Set<Integer> positions, String what, CheckList.Subject subject) {
        int expected = 1;
        for (int position : positions) {
            if (position != expected) {
                subject.fail(what + ": position " + String.format("%02d", expected) + " is missing (next is "
                        + String.format("%02d", position) + ")");
                return;
            }
            expected++;
        }
    }
}
