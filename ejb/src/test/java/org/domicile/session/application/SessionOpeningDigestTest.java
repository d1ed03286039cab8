package org.domicile.session.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionOpeningDigestTest {

    @Test
    @DisplayName("The bound-data digest is lower-case hex SHA-256 (FIPS 180-2 test vectors)")
    void knownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SessionOpening.digest(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                SessionOpening.digest("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                SessionOpening.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("Different bound content gives a different digest")
    void differentContent() {
        assertNotEquals(SessionOpening.digest(new byte[] {0}), SessionOpening.digest(new byte[] {1}));
    }
}
