package org.domicile.certification.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.domicile.certification.json.Json;

/**
 * Writes the evidence bundle ZIP of a correspondence (layout in {@link BundleLayout}). The same contents always
 * give the same bytes: entries in a fixed order, entry times taken from the contents, not from the clock.
 */
public final class BundleWriter {

    private static final LocalDateTime NO_EVENT_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private BundleWriter() {
    }

    /** Writes the bundle to {@code out}, which is left open. */
    public static void write(BundleContents contents, OutputStream out) throws IOException {
        if (contents == null || out == null) {
            throw new IllegalArgumentException("contents and output stream are required");
        }
        Map<String, byte[]> files = files(contents);
        byte[] manifest = manifest(contents.correspondenceId(), files);
        LocalDateTime time = entryTime(contents);

        // Closing the ZIP stream releases its native deflater; the caller's stream stays open.
        OutputStream shield = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(shield, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            put(zip, BundleLayout.README, files.remove(BundleLayout.README), time);
            put(zip, BundleLayout.MANIFEST, manifest, time);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue(), time);
            }
        }
    }

    /** Every file except the manifest, in archive order (README first). */
    private static Map<String, byte[]> files(BundleContents contents) {
        List<String> tokenFiles = new ArrayList<>();
        contents.tokens().forEach(t -> tokenFiles.add(BundleLayout.TOKENS_DIR + t.name() + ".p7m"));
        List<String> evidenceNames = new ArrayList<>();
        contents.evidence().forEach(e -> evidenceNames.add(e.name()));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleLayout.README,
                ReadmeText.of(contents, tokenFiles, evidenceNames).getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.CA, Pem.encode(contents.ca()));
        contents.certificates().forEach((keyId, cert) ->
                files.put(BundleLayout.certificateFile(keyId), Pem.encode(cert)));
        for (NamedBytes token : contents.tokens()) {
            files.put(BundleLayout.TOKENS_DIR + token.name() + ".p7m", token.bytes());
        }
        for (EvidenceFile record : contents.evidence()) {
            files.put(BundleLayout.EVIDENCE_DIR + record.name() + ".p7m", record.p7m());
            files.put(BundleLayout.EVIDENCE_DIR + record.name() + ".tst", record.tst());
        }
        files.put(BundleLayout.DIGESTS, digests(contents.contentDigests()));
        files.put(BundleLayout.REPORT, ReportPdf.render(contents.report()));
        return files;
    }

    /** sha256sum format: "hex, two spaces, name", one line per content part. */
    static byte[] digests(Map<String, String> contentDigests) {
        StringBuilder text = new StringBuilder();
        contentDigests.forEach((name, digest) -> text.append(digest).append("  ").append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] manifest(String correspondenceId, Map<String, byte[]> files) {
        List<Object> entries = new ArrayList<>();
        files.forEach((name, bytes) -> entries.add(Map.of("name", name, "sha256", Digests.sha256Hex(bytes))));
        Map<String, Object> manifest = Map.of("correspondence", correspondenceId, "files", entries, "version", 1);
        return Json.write(manifest).getBytes(StandardCharsets.UTF_8);
    }

    private static LocalDateTime entryTime(BundleContents contents) {
        return contents.events().stream()
                .map(ReportModel.Event::time)
                .max(Instant::compareTo)
                .map(t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC))
                .filter(t -> t.getYear() >= 1980 && t.getYear() < 2100)
                .orElse(NO_EVENT_TIME);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
