package org.domicile.certification.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.domicile.certification.signing.Crypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Independent check: certificates from the internal CA are accepted by OpenSSL's path validation. */
class OpenSslVerifyTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private static InternalCa ca;
    private static InternalCa otherCa;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        ca = InternalCa.create("OpenSSL Test Root", Clock.systemUTC());
        otherCa = InternalCa.create("OpenSSL Test Root", Clock.systemUTC());
    }

    private record Result(int exit, String output) {
    }

    private Result verify(InternalCa trusted, X509Certificate leaf, String... options) throws Exception {
        Path caPem = writePem("ca.pem", trusted.certificate());
        Path leafPem = writePem("leaf.pem", leaf);
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString(), "verify"));
        command.addAll(List.of(options));
        command.addAll(List.of("-CAfile", caPem.toString(), leafPem.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        return new Result(process.exitValue(), output);
    }

    private Path writePem(String name, X509Certificate certificate) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(folder.resolve(name), pem, StandardCharsets.US_ASCII);
    }

    private static X509Certificate issue(InternalCa issuer, CertificateProfile profile) {
        return issuer.issue("Leaf " + profile, Crypto.newEcKeyPair().getPublic(), profile, Duration.ofDays(30));
    }

    @Test
    @DisplayName("openssl verify accepts certificates of every profile issued by the CA")
    void opensslAcceptsIssuedCertificates() throws Exception {
        for (CertificateProfile profile : CertificateProfile.values()) {
            Result result = verify(ca, issue(ca, profile));
            assertEquals(0, result.exit(), profile + ": " + result.output());
            assertTrue(result.output().contains("OK"), result.output());
        }
    }

    @Test
    @DisplayName("openssl accepts the TIME_STAMPING certificate for the RFC 3161 timestampsign purpose")
    void opensslAcceptsTimeStampingPurpose() throws Exception {
        Result tsa = verify(ca, issue(ca, CertificateProfile.TIME_STAMPING), "-purpose", "timestampsign");
        assertEquals(0, tsa.exit(), tsa.output());
        assertTrue(tsa.output().contains("OK"), tsa.output());
        Result signing = verify(ca, issue(ca, CertificateProfile.SIGNING), "-purpose", "timestampsign");
        assertNotEquals(0, signing.exit(), "a SIGNING certificate must not pass as a time-stamping unit");
    }

    @Test
    @DisplayName("openssl verify rejects a certificate from another CA with the same name")
    void opensslRejectsForeignCertificate() throws Exception {
        Result result = verify(ca, issue(otherCa, CertificateProfile.SIGNING));
        assertNotEquals(0, result.exit(), result.output());
    }
}
