package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Exit codes and output of the command-line verifier. */
class VerifyCommandTest {

    private static BundleFixture fixture;
    private static byte[] zip;

    @TempDir
    Path folder;

    private String output;

    @BeforeAll
    static void build() throws Exception {
        fixture = new BundleFixture(List.of("SUBMIT", "SEAL"));
        zip = fixture.zip();
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    @DisplayName("a failed check prints a FAIL line naming the part and returns 1")
    void failureReturnsOne() throws Exception {
        Path bundle = Files.write(folder.resolve("b.zip"), zip);
        Path wrong = Files.writeString(folder.resolve("m.txt"), "not the message");
        assertEquals(1, run("verify", bundle.toString(), "message.txt=" + wrong));
        assertTrue(output.contains("FAIL content message.txt: SHA-256 of "), output);
        assertTrue(output.contains("NOT VERIFIED - "), output);
        assertTrue(output.lines().filter(l -> l.startsWith("OK   ")).count() > 10, output);
    }

    @Test
    @DisplayName("usage errors return 2")
    void usageErrorsReturnTwo() throws Exception {
        Path bundle = Files.write(folder.resolve("b.zip"), zip);
        assertEquals(2, run());
        assertEquals(2, run("check", bundle.toString()));
        assertEquals(2, run("verify"));
        assertEquals(2, run("verify", folder.resolve("absent.zip").toString()));
        assertEquals(2, run("verify", bundle.toString(), "message.txt"));
        assertEquals(2, run("verify", bundle.toString(), "=x"));
        assertEquals(2, run("verify", bundle.toString(), "a=x", "a=y"));
        assertEquals(2, run("verify", "--ca"));
        assertTrue(output.contains("Usage:"), output);
        assertEquals(0, run("--help"));
    }

    @Test
    @DisplayName("--ca checks that ca.pem is the CA the user trusts")
    void trustedCa() throws Exception {
        Path bundle = Files.write(folder.resolve("b.zip"), zip);
        Path mine = Files.write(folder.resolve("ca.pem"), Pem.encode(fixture.ca.certificate()));
        assertEquals(0, run("verify", "--ca", mine.toString(), bundle.toString()), output);
        assertTrue(output.contains("OK   trust anchor"), output);

        BundleFixture other = new BundleFixture(List.of("SUBMIT"));
        Path theirs = Files.write(folder.resolve("other.pem"), Pem.encode(other.ca.certificate()));
        assertEquals(1, run("verify", "--ca", theirs.toString(), bundle.toString()), output);
        assertTrue(output.contains("FAIL trust anchor: ca.pem is not the trusted CA certificate"), output);
    }

    @Test
    @DisplayName("without --ca the CA fingerprint is printed for comparison")
    void fingerprintPrinted() throws Exception {
        Path bundle = Files.write(folder.resolve("b.zip"), zip);
        assertEquals(0, run("verify", bundle.toString()), output);
        assertTrue(output.contains(ReadmeText.fingerprint(fixture.ca.certificate())), output);
        assertTrue(output.contains("Compare this fingerprint"), output);
    }

    @Test
    @DisplayName("the verifier's API reports an unknown supplied part without touching the file")
    void apiUnknownPart() throws Exception {
        Path bundle = Files.write(folder.resolve("b.zip"), zip);
        VerificationReport report = new BundleVerifier().verify(bundle, Map.of("x.txt", folder.resolve("nope")));
        assertEquals(1, report.failures().size(), report.failures().toString());
    }
}
