package org.domicile.certification.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentSignerTest {

    private static final byte[] DATA = "registered letter 42".getBytes(StandardCharsets.UTF_8);

    private static KeyPair pair;
    private static X509Certificate certificate;
    private static DocumentSigner signer;

    @BeforeAll
    static void setUp() {
        InternalCa ca = InternalCa.create("Signer Test CA", Clock.systemUTC());
        pair = Crypto.newEcKeyPair();
        certificate = ca.issue("Signer", pair.getPublic(), CertificateProfile.SIGNING, Duration.ofDays(30));
        signer = new DocumentSigner(pair.getPrivate(), certificate);
    }

    @Test
    @DisplayName("Rule 18: signatures are SHA256withECDSA and verify with the JDK's own implementation")
    void signatureVerifiesWithJdk() throws Exception {
        byte[] signature = signer.sign(DATA);
        assertTrue(SignatureCheck.verify(certificate, DATA, signature));
        Signature jdk = Signature.getInstance("SHA256withECDSA"); // default JDK provider, not BC
        jdk.initVerify(certificate.getPublicKey());
        jdk.update(DATA);
        assertTrue(jdk.verify(signature));
    }

    @Test
    @DisplayName("a signature does not verify for other data, another key, or when altered")
    void alteredInputsDoNotVerify() {
        byte[] signature = signer.sign(DATA);
        assertFalse(SignatureCheck.verify(certificate, "registered letter 43".getBytes(StandardCharsets.UTF_8), signature));
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 1;
        assertFalse(SignatureCheck.verify(certificate, DATA, flipped));
        InternalCa other = InternalCa.create("Other CA", Clock.systemUTC());
        assertFalse(SignatureCheck.verify(other.certificate(), DATA, signature));
    }

    @Test
    @DisplayName("verification never throws on bad input, it answers false")
    void badInputGivesFalse() {
        assertFalse(SignatureCheck.verify(null, DATA, signer.sign(DATA)));
        assertFalse(SignatureCheck.verify(certificate, null, new byte[70]));
        assertFalse(SignatureCheck.verify(certificate, DATA, null));
        assertFalse(SignatureCheck.verify(certificate, DATA, new byte[0]));
        assertFalse(SignatureCheck.verify(certificate, DATA, "not DER at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a key that does not match the certificate is refused up front")
    void mismatchedKeyRejected() {
        KeyPair other = Crypto.newEcKeyPair();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentSigner(other.getPrivate(), certificate));
        assertTrue(e.getMessage().contains("does not match"));
        assertThrows(IllegalArgumentException.class, () -> new DocumentSigner(null, certificate));
        assertThrows(IllegalArgumentException.class, () -> new DocumentSigner(pair.getPrivate(), null));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(null));
    }

    @Test
    @DisplayName("the signer can be shared between threads")
    void threadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> signer.sign(DATA)));
            }
            for (Future<byte[]> future : futures) {
                assertTrue(SignatureCheck.verify(certificate, DATA, future.get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the signer exposes its certificate, and its toString shows nothing of the private key")
    void exposesCertificateNotKey() throws Exception {
        assertArrayEquals(certificate.getEncoded(), signer.certificate().getEncoded());
        String text = signer.toString();
        String secret = ((ECPrivateKey) pair.getPrivate()).getS().toString(16);
        assertFalse(text.contains(secret));
        assertFalse(text.contains(secret.substring(0, 8)));
        assertFalse(text.contains(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(0, 16)));
    }
}
