package org.domicile.certification.protect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSealTest {

    private static final byte[] CONTENT = "the letter, exactly as validated".getBytes(StandardCharsets.UTF_8);
    private static final Party ALICE = TestPki.signer(TestPki.ca(), "user-alice");
    private static final CmsVerifier VERIFIER = new CmsVerifier(TestPki.ca().certificate());

    @TempDir
    Path folder;

    @Test
    @DisplayName("the sender's seal unseals to the same content and names the sender")
    void roundTrip() {
        byte[] sealed = ContentSeal.seal(CONTENT, ALICE.signer());
        assertArrayEquals(CONTENT, ContentSeal.unseal(sealed, VERIFIER));
        assertEquals(ALICE.certificate(), VERIFIER.verify(sealed).signer());
    }

    @Test
    @DisplayName("openssl cms -verify accepts the seal with only the CA certificate")
    void opensslVerifiesSeal() throws Exception {
        Path sealed = Files.write(folder.resolve("seal.p7m"), ContentSeal.seal(CONTENT, ALICE.signer()));
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), TestPki.ca().certificate());
        Path out = folder.resolve("content");
        TestPki.Result result = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", sealed.toString(), "-CAfile",
                caPem.toString(), "-purpose", "any", "-out", out.toString());
        assertEquals(0, result.exit(), result.output());
        assertArrayEquals(CONTENT, Files.readAllBytes(out));
    }

    @Test
    @DisplayName("a changed seal, or one made under another CA, does not unseal")
    void tampered() {
        byte[] sealed = ContentSeal.seal(CONTENT, ALICE.signer());
        int at = new String(sealed, StandardCharsets.ISO_8859_1).indexOf("letter");
        sealed[at] = 'L';
        assertEquals(CmsException.Reason.BAD_SIGNATURE,
                assertThrows(CmsException.class, () -> ContentSeal.unseal(sealed, VERIFIER)).reason());
        byte[] foreign = ContentSeal.seal(CONTENT, TestPki.signer(TestPki.otherCa(), "user-alice").signer());
        assertEquals(CmsException.Reason.UNTRUSTED_SIGNER,
                assertThrows(CmsException.class, () -> ContentSeal.unseal(foreign, VERIFIER)).reason());
    }
}
