package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cms.CMSSignedData;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.json.Json;
import org.domicile.certification.signing.Crypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change to a bundle is caught, and the failure names the file that was changed. */
class BundleTamperTest {

    private static BundleFixture fixture;
    private static Map<String, byte[]> good;

    @TempDir
    Path folder;

    @BeforeAll
    static void build() throws Exception {
        fixture = new BundleFixture(List.of("SUBMIT", "SEAL", "TIMESTAMP"));
        good = ZipFiles.read(fixture.zip());
    }

    private VerificationReport verify(Map<String, byte[]> files) throws Exception {
        return new BundleVerifier().verify(ZipFiles.save(files, folder, "bundle.zip"), Map.of());
    }

    private static boolean failureNames(VerificationReport report, String file) {
        return report.failures().stream().anyMatch(c -> c.subject().equals(file) || c.detail().contains(file));
    }

    private static Map<String, byte[]> replaced(Map<String, byte[]> files, String name, byte[] bytes) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(name, bytes);
        return copy;
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    /** Replaces a base64 character in the middle of a PEM body by another base64 character. */
    private static byte[] flipPem(byte[] pem) {
        byte[] copy = pem.clone();
        int i = copy.length / 2;
        while (copy[i] == '\n') {
            i++;
        }
        copy[i] = (byte) (copy[i] == 'A' ? 'B' : 'A');
        return copy;
    }

    @Test
    @DisplayName("one byte changed in any file, manifest left alone: a failure names that file")
    void everyFileIsProtected() throws Exception {
        assertTrue(verify(good).allOk());
        for (String name : good.keySet()) {
            byte[] bytes = good.get(name);
            VerificationReport report = verify(replaced(good, name, flip(bytes, bytes.length / 2)));
            assertFalse(report.allOk(), name + " changed but the bundle verified");
            assertTrue(failureNames(report, name), name + ": " + report.failures());
        }
    }

    @Test
    @DisplayName("one byte changed in a signed file with the manifest recomputed: the file's own check fails")
    void signedFilesFailEvenWithAFreshManifest() throws Exception {
        for (String name : good.keySet()) {
            if (name.equals(BundleLayout.MANIFEST) || name.equals(BundleLayout.README)
                    || name.equals(BundleLayout.REPORT)) {
                continue; // not signed: only the manifest protects them (tested above)
            }
            byte[] bytes = good.get(name);
            byte[] changed;
            if (name.endsWith(".pem")) {
                changed = flipPem(bytes);
            } else if (name.equals(BundleLayout.DIGESTS)) {
                changed = flip(bytes, 3); // inside the first digest
            } else {
                changed = flip(bytes, bytes.length - 1); // last byte of the signature value
            }
            VerificationReport report = verify(ZipFiles.withFreshManifest(replaced(good, name, changed)));
            assertTrue(report.failures().stream().noneMatch(c -> c.subject().equals(BundleLayout.MANIFEST)),
                    name + ": the manifest was recomputed, yet " + report.failures());
            assertFalse(report.allOk(), name + " changed but the bundle verified");
            assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals(name)
                            || c.detail().contains(name)),
                    name + ": " + report.failures());
        }
    }

    @Test
    @DisplayName("a content file that differs from digests.txt fails, naming the part")
    void wrongContentFails() throws Exception {
        Path bundle = ZipFiles.save(good, folder, "bundle.zip");
        Path wrong = Files.writeString(folder.resolve("m.txt"), "Dear Sir, pay me twice.", StandardCharsets.UTF_8);
        Path right = Files.write(folder.resolve("c.pdf"), BundleFixture.ATTACHMENT);
        VerificationReport report = new BundleVerifier().verify(bundle,
                Map.of("message.txt", wrong, "contract.pdf", right));
        assertFalse(report.allOk());
        assertTrue(report.failures().stream().allMatch(c -> c.subject().equals("content message.txt")),
                report.failures().toString());
        assertTrue(report.failures().get(0).detail().contains(Digests.sha256Hex(BundleFixture.MESSAGE)));

        VerificationReport unknown = new BundleVerifier().verify(bundle, Map.of("invoice.pdf", right));
        assertTrue(unknown.failures().stream().anyMatch(c -> c.subject().equals("content invoice.pdf")
                && c.detail().contains("not a content part")), unknown.failures().toString());
    }

    @Test
    @DisplayName("a removed token breaks the chain")
    void removedTokenBreaksChain() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(good);
        files.remove("tokens/07-SEAL-3-RETURN.p7m");
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("chain")), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("layout")), report.failures().toString());
    }

    @Test
    @DisplayName("a whole step removed and the rest renumbered still breaks the chain")
    void removedStepBreaksChain() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        good.forEach((name, bytes) -> {
            if (!name.startsWith("tokens/") || name.compareTo("tokens/05") < 0) {
                files.put(name, bytes);
            } else if (name.compareTo("tokens/09") >= 0) {
                int position = Integer.parseInt(name.substring(7, 9)) - 4;
                files.put(String.format("tokens/%02d%s", position, name.substring(9)), bytes);
            }
        });
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("chain")
                && c.detail().contains("previous")), report.failures().toString());
    }

    @Test
    @DisplayName("two tokens swapped (contents exchanged between their files) fail")
    void swappedTokensFail() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(good);
        files.put("tokens/05-SEAL-1-ORDER.p7m", good.get("tokens/06-SEAL-2-ACKNOWLEDGEMENT.p7m"));
        files.put("tokens/06-SEAL-2-ACKNOWLEDGEMENT.p7m", good.get("tokens/05-SEAL-1-ORDER.p7m"));
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("chain")), report.failures().toString());
        assertTrue(failureNames(report, "tokens/05-SEAL-1-ORDER.p7m"), report.failures().toString());
    }

    @Test
    @DisplayName("two whole steps swapped fail the SPEC order")
    void swappedStepsFail() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(good);
        String[] kinds = {"1-ORDER", "2-ACKNOWLEDGEMENT", "3-RETURN", "4-COUNTERSIGNATURE"};
        for (int k = 0; k < 4; k++) {
            files.remove(String.format("tokens/%02d-SUBMIT-%s.p7m", k + 1, kinds[k]));
            files.remove(String.format("tokens/%02d-SEAL-%s.p7m", k + 5, kinds[k]));
            files.put(String.format("tokens/%02d-SEAL-%s.p7m", k + 1, kinds[k]),
                    good.get(String.format("tokens/%02d-SEAL-%s.p7m", k + 5, kinds[k])));
            files.put(String.format("tokens/%02d-SUBMIT-%s.p7m", k + 5, kinds[k]),
                    good.get(String.format("tokens/%02d-SUBMIT-%s.p7m", k + 1, kinds[k])));
        }
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("chain")
                && c.detail().contains("comes after")), report.failures().toString());
    }

    @Test
    @DisplayName("a token signed by a certificate of another CA fails, also when its certificate is swapped in")
    void foreignCaFails() throws Exception {
        InternalCa other = InternalCa.create("Domicile Test CA", java.time.Clock.systemUTC());
        var pair = Crypto.newEcKeyPair();
        var foreign = new BundleFixture.Signer(pair.getPrivate(), other.issue("op-seal", pair.getPublic(),
                CertificateProfile.SIGNING, java.time.Duration.ofDays(30)));
        String file = "tokens/07-SEAL-3-RETURN.p7m";
        byte[] json = (byte[]) new CMSSignedData(good.get(file)).getSignedContent().getContent();
        byte[] forged = BundleFixture.sign(json, foreign);

        VerificationReport tokenOnly = verify(ZipFiles.withFreshManifest(replaced(good, file, forged)));
        assertTrue(tokenOnly.failures().stream().anyMatch(c -> c.subject().equals(file)
                && c.detail().contains("is not certificates/op-seal.pem")), tokenOnly.failures().toString());

        Map<String, byte[]> both = replaced(replaced(good, file, forged), "certificates/op-seal.pem",
                Pem.encode(foreign.certificate()));
        VerificationReport report = verify(ZipFiles.withFreshManifest(both));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("certificates/op-seal.pem")
                && c.detail().contains("not issued by ca.pem")), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals(file)
                && c.detail().contains("not issued by ca.pem")), report.failures().toString());
    }

    @Test
    @DisplayName("a correctly signed token with a wrong link is caught by the chain check")
    void wrongLinkInSignedTokenFails() throws Exception {
        String file = "tokens/05-SEAL-1-ORDER.p7m";
        Map<String, Object> json = BundleFixture.tokenJson("SEAL", "ORDER", BundleLayout.CERTIFICATION_SERVER,
                "op-seal", "", "00".repeat(32), "ab", "", Instant.now().minusSeconds(10));
        byte[] forged = BundleFixture.sign(Json.write(json).getBytes(StandardCharsets.UTF_8),
                fixture.signers.get(BundleLayout.CERTIFICATION_SERVER));
        VerificationReport report = verify(ZipFiles.withFreshManifest(replaced(good, file, forged)));
        List<String> chain = new ArrayList<>();
        report.failures().stream().filter(c -> c.subject().equals("chain")).forEach(c -> chain.add(c.detail()));
        assertTrue(chain.stream().anyMatch(d -> d.startsWith(file + ": previous")), chain.toString());
        assertTrue(chain.stream().anyMatch(d -> d.startsWith(file + ": input")), chain.toString());
        assertTrue(chain.stream().anyMatch(d -> d.contains("06-SEAL-2-ACKNOWLEDGEMENT.p7m: answers")), chain.toString());
    }

    @Test
    @DisplayName("an evidence record whose content digests differ from digests.txt fails")
    void evidenceDigestsMustMatch() throws Exception {
        Map<String, String> digests = new java.util.TreeMap<>(BundleFixture.contentDigests());
        digests.put("message.txt", "11".repeat(32));
        byte[] p7m = fixture.evidence("ContentHandover", Instant.now().minusSeconds(1), "", digests);
        Map<String, byte[]> files = replaced(good, "evidence/02-ConsignmentAcceptance.p7m", p7m);
        files.put("evidence/02-ConsignmentAcceptance.tst", fixture.timeStamp(p7m));
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        String file = "evidence/02-ConsignmentAcceptance.p7m";
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals(file)
                && c.detail().contains("contentDigests[\"message.txt\"]")), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals(file)
                && c.detail().contains("file name says ConsignmentAcceptance")), report.failures().toString());
    }

    @Test
    @DisplayName("a time-stamp of another evidence record fails its imprint check")
    void timeStampOfOtherRecordFails() throws Exception {
        Map<String, byte[]> files = replaced(good, "evidence/02-ConsignmentAcceptance.tst",
                good.get("evidence/01-SubmissionAcceptance.tst"));
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("evidence/02-ConsignmentAcceptance.tst")
                && c.detail().contains("message imprint")), report.failures().toString());
    }

    @Test
    @DisplayName("a negative event without a reason fails")
    void negativeEventNeedsReason() throws Exception {
        byte[] p7m = fixture.evidence("ConsignmentRejection", Instant.now().minusSeconds(1), "",
                BundleFixture.contentDigests());
        Map<String, byte[]> files = new LinkedHashMap<>(good);
        files.remove("evidence/02-ConsignmentAcceptance.p7m");
        files.remove("evidence/02-ConsignmentAcceptance.tst");
        files.put("evidence/02-ConsignmentRejection.p7m", p7m);
        files.put("evidence/02-ConsignmentRejection.tst", fixture.timeStamp(p7m));
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("evidence/02-ConsignmentRejection.p7m")
                && c.detail().contains("reason")), report.failures().toString());
    }

    @Test
    @DisplayName("an unknown extra file and a missing required file are layout failures")
    void layoutIsEnforced() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(good);
        files.put("tokens/evil.exe", new byte[] {1, 2, 3});
        files.remove(BundleLayout.REPORT);
        VerificationReport report = verify(ZipFiles.withFreshManifest(files));
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("layout")
                && c.detail().contains("tokens/evil.exe")), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(c -> c.subject().equals("layout")
                && c.detail().contains("report.pdf is missing")), report.failures().toString());
    }
}
