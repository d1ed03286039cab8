package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives are refused with a clear failure, never an exception (Rule 27). */
class BundleZipTest {

    @TempDir
    Path folder;

    private Check only(Path zip) {
        VerificationReport report = new BundleVerifier().verify(zip, Map.of());
        assertFalse(report.allOk());
        assertEquals(1, report.checks().size(), report.checks().toString());
        return report.checks().get(0);
    }

    @Test
    @DisplayName("an entry expanding more than 100-fold is refused as a possible ZIP bomb")
    void compressionRatio() throws Exception {
        Path zip = folder.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("report.pdf"));
            out.write(new byte[5 * 1024 * 1024]);
            out.closeEntry();
        }
        Check check = only(zip);
        assertTrue(check.detail().contains("ZIP bomb") && check.detail().contains("report.pdf"), check.detail());
    }

    @Test
    @DisplayName("an entry larger than 50 MB is refused, even when it compresses poorly")
    void entrySize() throws Exception {
        Path zip = folder.resolve("big.zip");
        byte[] chunk = new byte[1024 * 1024];
        java.util.Random random = new java.util.Random(1);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(0);
            out.putNextEntry(new ZipEntry("report.pdf"));
            for (int i = 0; i < 51; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
            out.closeEntry();
        }
        Check check = only(zip);
        assertTrue(check.detail().contains("report.pdf") && check.detail().contains("52428800"), check.detail());
    }

    @Test
    @DisplayName("more than 10 000 entries are refused")
    void entryCount() throws Exception {
        Path zip = folder.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i <= 10_000; i++) {
                out.putNextEntry(new ZipEntry("f" + i));
                out.closeEntry();
            }
        }
        Check check = only(zip);
        assertTrue(check.detail().contains("10000"), check.detail());
    }

    @Test
    @DisplayName("a file that is not a ZIP, an empty file and a missing file fail cleanly")
    void notAZip() throws Exception {
        Path text = Files.writeString(folder.resolve("bundle.zip"), "hello", StandardCharsets.US_ASCII);
        assertTrue(only(text).detail().contains("not a readable ZIP"), only(text).detail());
        Path empty = Files.write(folder.resolve("empty.zip"), new byte[0]);
        assertFalse(only(empty).ok());
        assertTrue(only(folder.resolve("absent.zip")).detail().contains("no such file"));
    }

    @Test
    @DisplayName("an empty archive and garbage entries fail per check, without exceptions")
    void garbageEntries() throws Exception {
        Path zip = folder.resolve("garbage.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : new String[] {"manifest.json", "ca.pem", "certificates/tsa.pem",
                    "certificates/certification-server.pem", "tokens/01-SUBMIT-1-ORDER.p7m",
                    "evidence/01-SubmissionAcceptance.p7m", "evidence/01-SubmissionAcceptance.tst", "digests.txt"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("garbage " + name).getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        VerificationReport report = new BundleVerifier().verify(zip, Map.of());
        assertFalse(report.allOk());
        for (String subject : new String[] {"manifest.json", "ca.pem", "certificates/tsa.pem", "layout", "chain",
                "tokens/01-SUBMIT-1-ORDER.p7m", "evidence/01-SubmissionAcceptance.p7m",
                "evidence/01-SubmissionAcceptance.tst", "digests.txt"}) {
            assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals(subject)),
                    subject + " not reported in " + report.failures());
        }
        assertTrue(report.checks().stream().noneMatch(c -> c.subject().equals("verifier")), report.failures().toString());
    }
}
