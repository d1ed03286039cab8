package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Independent check with OpenSSL and sha256sum on the extracted bundle, with the commands README.txt gives. */
class OpenSslBundleTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Path SHA256SUM = Path.of("/usr/bin/sha256sum");

    private static Map<String, byte[]> files;

    @TempDir
    Path folder;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        files = ZipFiles.read(new BundleFixture(List.of("SUBMIT", "SEAL")).zip());
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not finish: " + String.join(" ", command));
        return new Result(process.exitValue(), output);
    }

    private Result cmsVerify(String file) throws Exception {
        return run(OPENSSL.toString(), "cms", "-verify", "-inform", "DER", "-in", file, "-CAfile", "ca.pem",
                "-purpose", "any", "-out", "/dev/null");
    }

    private Result tsVerify(String tst, String p7m) throws Exception {
        return run(OPENSSL.toString(), "ts", "-verify", "-token_in", "-in", tst, "-data", p7m, "-CAfile", "ca.pem",
                "-untrusted", "certificates/tsa.pem");
    }

    private List<String> named(String prefix, String suffix) {
        List<String> names = new ArrayList<>();
        files.keySet().stream().filter(n -> n.startsWith(prefix) && n.endsWith(suffix)).forEach(names::add);
        return names;
    }

    @Test
    @DisplayName("openssl cms -verify accepts every token and evidence record with only ca.pem")
    void cmsVerifyAcceptsEverySignedFile() throws Exception {
        ZipFiles.extract(files, folder);
        List<String> signed = named("tokens/", ".p7m");
        signed.addAll(named("evidence/", ".p7m"));
        assertEquals(8 + 2, signed.size());
        for (String file : signed) {
            Result result = cmsVerify(file);
            assertEquals(0, result.exit(), file + ": " + result.output());
            assertTrue(result.output().contains("Verification successful"), result.output());
        }
    }

    @Test
    @DisplayName("openssl ts -verify says Verification: OK for every evidence time-stamp")
    void tsVerifyAcceptsEveryTimeStamp() throws Exception {
        ZipFiles.extract(files, folder);
        for (String tst : named("evidence/", ".tst")) {
            Result result = tsVerify(tst, tst.replace(".tst", ".p7m"));
            assertEquals(0, result.exit(), tst + ": " + result.output());
            assertTrue(result.output().contains("Verification: OK"), result.output());
        }
    }

    @Test
    @DisplayName("openssl verify accepts every certificate with ca.pem")
    void certificatesVerify() throws Exception {
        ZipFiles.extract(files, folder);
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString(), "verify", "-CAfile", "ca.pem"));
        command.addAll(named("certificates/", ".pem"));
        Result result = run(command.toArray(String[]::new));
        assertEquals(0, result.exit(), result.output());
    }

    @Test
    @DisplayName("sha256sum -c digests.txt passes with the content files beside it, fails with a changed one")
    void sha256sumChecksContent() throws Exception {
        assumeTrue(Files.isExecutable(SHA256SUM), "sha256sum is not installed");
        ZipFiles.extract(files, folder);
        Files.write(folder.resolve("message.txt"), BundleFixture.MESSAGE);
        Files.write(folder.resolve("contract.pdf"), BundleFixture.ATTACHMENT);
        Result ok = run(SHA256SUM.toString(), "-c", "digests.txt");
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("message.txt: OK") && ok.output().contains("contract.pdf: OK"), ok.output());

        Files.writeString(folder.resolve("message.txt"), "changed");
        Result bad = run(SHA256SUM.toString(), "-c", "digests.txt");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("message.txt: FAILED"), bad.output());
    }

    @Test
    @DisplayName("one changed byte makes openssl reject the token, the record and the time-stamp")
    void changedByteIsRejected() throws Exception {
        ZipFiles.extract(files, folder);
        String token = "tokens/03-SUBMIT-3-RETURN.p7m";
        String p7m = "evidence/01-SubmissionAcceptance.p7m";
        String tst = "evidence/01-SubmissionAcceptance.tst";

        flipLastByte(token);
        assertNotEquals(0, cmsVerify(token).exit());

        flipLastByte(tst);
        assertTrue(!tsVerify(tst, p7m).output().contains("Verification: OK"));
        Files.write(folder.resolve(tst), files.get(tst));

        // A changed record no longer matches its time-stamp's imprint, nor its own signature.
        flipLastByte(p7m);
        assertNotEquals(0, cmsVerify(p7m).exit());
        Result stamp = tsVerify(tst, p7m);
        assertNotEquals(0, stamp.exit(), stamp.output());
        assertTrue(!stamp.output().contains("Verification: OK"), stamp.output());
    }

    private void flipLastByte(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(folder.resolve(name));
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(folder.resolve(name), bytes);
    }
}
