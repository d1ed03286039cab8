package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.domicile.certification.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bundle's layout, manifest, digests.txt and README as written. */
class BundleWriterTest {

    private static BundleFixture fixture;
    private static BundleContents contents;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void build() throws Exception {
        fixture = new BundleFixture(List.of("SUBMIT", "SEAL"));
        contents = fixture.contents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleWriter.write(contents, out);
        files = ZipFiles.read(out.toByteArray());
    }

    @Test
    @DisplayName("the archive holds exactly the layout's files, in a fixed order")
    void layout() {
        assertEquals(List.of("README.txt", "manifest.json", "ca.pem",
                "certificates/certification-server.pem", "certificates/op-seal.pem", "certificates/op-submit.pem",
                "certificates/sender.pem", "certificates/tsa.pem",
                "tokens/01-SUBMIT-1-ORDER.p7m", "tokens/02-SUBMIT-2-ACKNOWLEDGEMENT.p7m",
                "tokens/03-SUBMIT-3-RETURN.p7m", "tokens/04-SUBMIT-4-COUNTERSIGNATURE.p7m",
                "tokens/05-SEAL-1-ORDER.p7m", "tokens/06-SEAL-2-ACKNOWLEDGEMENT.p7m",
                "tokens/07-SEAL-3-RETURN.p7m", "tokens/08-SEAL-4-COUNTERSIGNATURE.p7m",
                "evidence/01-SubmissionAcceptance.p7m", "evidence/01-SubmissionAcceptance.tst",
                "evidence/02-ConsignmentAcceptance.p7m", "evidence/02-ConsignmentAcceptance.tst",
                "digests.txt", "report.pdf"), new ArrayList<>(files.keySet()));
        assertArrayEquals(contents.tokens().get(4).bytes(), files.get("tokens/05-SEAL-1-ORDER.p7m"));
        assertArrayEquals(contents.evidence().get(1).tst(), files.get("evidence/02-ConsignmentAcceptance.tst"));
    }

    @Test
    @DisplayName("manifest.json is canonical JSON listing every other file with its SHA-256")
    void manifest() {
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("{\"correspondence\":\"" + BundleFixture.CORRESPONDENCE
                + "\",\"files\":[{\"name\":\"README.txt\",\"sha256\":\""), manifest);
        assertTrue(manifest.endsWith("}],\"version\":1}"), manifest);
        Map<String, Object> json = Json.parseObject(manifest);
        List<?> listed = (List<?>) json.get("files");
        assertEquals(files.size() - 1, listed.size());
        for (Object item : listed) {
            Map<?, ?> entry = (Map<?, ?>) item;
            String name = (String) entry.get("name");
            assertEquals(Digests.sha256Hex(files.get(name)), entry.get("sha256"), name);
        }
    }

    @Test
    @DisplayName("digests.txt is in sha256sum format, one line per content part")
    void digests() {
        assertEquals(Digests.sha256Hex(BundleFixture.ATTACHMENT) + "  contract.pdf\n"
                        + Digests.sha256Hex(BundleFixture.MESSAGE) + "  message.txt\n",
                new String(files.get("digests.txt"), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("README.txt gives the OpenSSL and sha256sum commands with this bundle's file names")
    void readme() {
        String readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertTrue(readme.contains(BundleFixture.CORRESPONDENCE));
        assertTrue(readme.contains("openssl cms -verify -inform DER -in tokens/07-SEAL-3-RETURN.p7m -CAfile ca.pem"
                + " -purpose any -out /dev/null"), readme);
        assertTrue(readme.contains("openssl ts -verify -token_in -in evidence/02-ConsignmentAcceptance.tst"
                + " -data evidence/02-ConsignmentAcceptance.p7m -CAfile ca.pem -untrusted certificates/tsa.pem"), readme);
        assertTrue(readme.contains("sha256sum -c digests.txt"), readme);
        assertTrue(readme.contains(ReadmeText.fingerprint(fixture.ca.certificate())), readme);
    }

    @Test
    @DisplayName("the same contents give the same bytes")
    void deterministic() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BundleWriter.write(contents, a);
        BundleWriter.write(contents, b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
    }

    @Test
    @DisplayName("names that break the layout are refused when the contents are built")
    void badNamesAreRefused() {
        NamedBytes first = contents.tokens().get(0);
        assertThrows(IllegalArgumentException.class, () -> withTokens(List.of(contents.tokens().get(1))));
        assertThrows(IllegalArgumentException.class,
                () -> withTokens(List.of(new NamedBytes("01-SUBMIT-2-ORDER", first.bytes()))));
        assertThrows(IllegalArgumentException.class,
                () -> withTokens(List.of(new NamedBytes("../01-SUBMIT-1-ORDER", first.bytes()))));
        assertThrows(IllegalArgumentException.class, () -> withDigests(Map.of("a/b.txt", "00".repeat(32))));
        assertThrows(IllegalArgumentException.class, () -> withDigests(Map.of("a\nb.txt", "00".repeat(32))));
        assertThrows(IllegalArgumentException.class, () -> withDigests(Map.of("a.txt", "00")));
        assertEquals("05-SEAL-1-ORDER", BundleLayout.tokenName(5, "SEAL", "ORDER"));
        assertEquals("12-ARCHIVE-4-COUNTERSIGNATURE", BundleLayout.tokenName(12, "ARCHIVE", "COUNTERSIGNATURE"));
        assertEquals("02-ContentHandover", BundleLayout.evidenceName(2, "ContentHandover"));
        assertThrows(IllegalArgumentException.class, () -> BundleLayout.tokenName(1, "NOTIFY", "ORDER"));
        assertThrows(IllegalArgumentException.class, () -> BundleLayout.evidenceName(1, "Content/Handover"));
    }

    private static BundleContents withTokens(List<NamedBytes> tokens) {
        return new BundleContents(contents.correspondenceId(), "", contents.sender(), contents.recipients(),
                contents.kind(), contents.level(), tokens, contents.evidence(), contents.certificates(),
                contents.ca(), contents.contentDigests(), contents.events(), contents.steps());
    }

    private static BundleContents withDigests(Map<String, String> digests) {
        return new BundleContents(contents.correspondenceId(), "", contents.sender(), contents.recipients(),
                contents.kind(), contents.level(), contents.tokens(), contents.evidence(), contents.certificates(),
                contents.ca(), digests, contents.events(), contents.steps());
    }
}
