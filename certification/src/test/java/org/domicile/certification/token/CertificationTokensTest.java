package org.domicile.certification.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationTokensTest {

    @TempDir
    Path folder;

    private static TokenContent order() {
        return TokenContent.order(CertificationTokens.newTokenId(), "corr-1", "SEAL", "op-seal", TrustLevel.SUBSTANTIAL,
                ChainFixture.FIRST_INPUT, "", java.time.Instant.now(), null, ChainFixture.ALGORITHMS);
    }

    @Test
    @DisplayName("sign then open gives back the content, the signer and the digest of the DER bytes")
    void roundTrip() throws Exception {
        TokenContent content = order();
        byte[] token = CertificationTokens.sign(content, ChainFixture.SERVER.signer());
        VerifiedToken opened = CertificationTokens.open(token, ChainFixture.VERIFIER);
        assertEquals(content, opened.content());
        assertEquals(ChainFixture.SERVER.certificate(), opened.signer());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token));
        assertEquals(expected, opened.digest());
        assertEquals(expected, CertificationTokens.digestOf(token));
        assertTrue(expected.matches("[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("Rule 21: openssl cms -verify accepts a token with only the CA and outputs its JSON")
    void opensslVerifiesToken() throws Exception {
        TokenContent content = order();
        Path token = Files.write(folder.resolve("01-SEAL-1-ORDER.p7m"),
                CertificationTokens.sign(content, ChainFixture.SERVER.signer()));
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), TestPki.ca().certificate());
        Path json = folder.resolve("token.json");
        TestPki.Result result = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", token.toString(),
                "-CAfile", caPem.toString(), "-purpose", "any", "-out", json.toString());
        assertEquals(0, result.exit(), result.output());
        assertArrayEquals(content.toJson(), Files.readAllBytes(json));

        byte[] tampered = Files.readAllBytes(token);
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("\"step\":\"SEAL\"") + 9;
        tampered[at] = 'Z';
        Files.write(token, tampered);
        TestPki.Result refused = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", token.toString(),
                "-CAfile", caPem.toString(), "-purpose", "any", "-out", "/dev/null");
        assertNotEquals(0, refused.exit(), "openssl must refuse a token whose JSON was changed");
    }

    @Test
    @DisplayName("a changed byte in the token's JSON is refused as BAD_SIGNATURE")
    void tamperedJson() {
        byte[] token = CertificationTokens.sign(order(), ChainFixture.SERVER.signer());
        int at = new String(token, StandardCharsets.ISO_8859_1).indexOf("\"kind\":\"ORDER\"") + 8;
        token[at] = 'B';
        CmsException e = assertThrows(CmsException.class, () -> CertificationTokens.open(token, ChainFixture.VERIFIER));
        assertEquals(CmsException.Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    @DisplayName("a validly signed document that is not token JSON is refused by open with the field named")
    void signedButNotAToken() {
        byte[] notAToken = ChainFixture.SERVER.signer().sign("{\"version\":1}".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertificationTokens.open(notAToken, ChainFixture.VERIFIER));
        assertTrue(e.getMessage().contains("missing field"), e.getMessage());
    }

    @Test
    @DisplayName("token ids are random 128-bit hex")
    void tokenIds() {
        String id = CertificationTokens.newTokenId();
        assertTrue(id.matches("[0-9a-f]{32}"));
        assertNotEquals(id, CertificationTokens.newTokenId());
        assertEquals(2, List.of(id, CertificationTokens.newTokenId()).stream().distinct().count());
    }
}
