package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on a good bundle made by the test fixture, and on its command-line form. */
class BundleVerifierTest {

    private static BundleFixture fixture;
    private static byte[] zip;

    @TempDir
    Path folder;

    @BeforeAll
    static void build() throws Exception {
        fixture = new BundleFixture(List.of("SUBMIT", "SEAL", "TIMESTAMP"));
        zip = fixture.zip();
    }

    @Test
    @DisplayName("a bundle of three certified steps and two evidence records verifies entirely")
    void goodBundleVerifies() throws Exception {
        Path bundle = Files.write(folder.resolve("bundle.zip"), zip);
        Path message = Files.write(folder.resolve("m.txt"), BundleFixture.MESSAGE);
        VerificationReport report = new BundleVerifier().verify(bundle, Map.of("message.txt", message));
        assertTrue(report.allOk(), report.failures().toString());
        List<String> subjects = report.checks().stream().map(Check::subject).toList();
        assertTrue(subjects.contains("chain"));
        assertTrue(subjects.contains("tokens/05-SEAL-1-ORDER.p7m"));
        assertTrue(subjects.contains("evidence/02-ConsignmentAcceptance.tst"));
        assertTrue(subjects.contains("content message.txt"));
        assertEquals(12, subjects.stream().filter(s -> s.startsWith("tokens/")).count());
    }

    @Test
    @DisplayName("the command line prints OK lines and returns 0 on the good bundle")
    void commandLinePasses() throws Exception {
        Path bundle = Files.write(folder.resolve("bundle.zip"), zip);
        Path message = Files.write(folder.resolve("m.txt"), BundleFixture.MESSAGE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.run(new String[] {"verify", bundle.toString(), "message.txt=" + message},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("OK   chain"), text);
        assertTrue(text.contains("OK   content message.txt"), text);
        assertFalse(text.contains("FAIL"), text);
        assertTrue(text.contains("VERIFIED - "), text);
    }
}
