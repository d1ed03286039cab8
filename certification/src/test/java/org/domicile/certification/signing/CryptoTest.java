package org.domicile.certification.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CryptoTest {

    // Order n of NIST P-256 (FIPS 186-4, D.1.2.3).
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Test
    @DisplayName("Rule 18: generated keys are EC P-256")
    void keysAreP256() {
        KeyPair pair = Crypto.newEcKeyPair();
        assertTrue(pair.getPublic() instanceof ECPublicKey);
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals(P256_ORDER, key.getParams().getOrder());
        assertTrue(Crypto.isP256(key));
    }

    @Test
    @DisplayName("Rule 18: keys on another curve are not taken for P-256")
    void otherCurveIsNotP256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.provider());
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        assertFalse(Crypto.isP256(generator.generateKeyPair().getPublic()));
        assertFalse(Crypto.isP256(null));
    }

    @Test
    void keyPairsAreFresh() {
        assertNotEquals(Crypto.newEcKeyPair().getPublic(), Crypto.newEcKeyPair().getPublic());
    }

    @Test
    @DisplayName("the BouncyCastle provider is shared but never registered globally")
    void providerIsNotRegistered() {
        assertSame(Crypto.provider(), Crypto.provider());
        assertEquals("BC", Crypto.provider().getName());
        assertTrue(Security.getProvider("BC") == null, "Security.addProvider must not be used");
    }
}
