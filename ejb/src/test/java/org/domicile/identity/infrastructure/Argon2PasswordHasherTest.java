package org.domicile.identity.infrastructure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");

    private static Argon2PasswordHasher hasher;
    private static String stored;

    @BeforeAll
    static void hashOnce() {
        hasher = new Argon2PasswordHasher();
        stored = hasher.hash(PASSWORD);
    }

    @Test
    @DisplayName("Rule 10: Argon2id in PHC form, at or above OWASP's minimum (m=19456 KiB, t=2, p=1)")
    void phcFormatAtOwaspMinimum() {
        Matcher m = PHC.matcher(stored);
        assertTrue(m.matches(), stored);
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        assertTrue(memory >= 19_456, "memory " + memory + " KiB");
        assertTrue(iterations >= 2, "iterations " + iterations);
        assertTrue(parallelism >= 1);
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    }

    @Test
    @DisplayName("Rule 10: the right password verifies, a wrong one does not")
    void verifies() {
        assertTrue(hasher.verify(PASSWORD, stored));
        assertFalse(hasher.verify("correct horse battery stapl", stored));
        assertFalse(hasher.verify("Correct horse battery staple", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    @DisplayName("Rule 10: salted: two hashes of one password differ and both verify")
    void salted() {
        String other = hasher.hash(PASSWORD);
        assertNotEquals(stored, other);
        assertNotEquals(stored.split("\\$")[4], other.split("\\$")[4], "salts differ");
        assertTrue(hasher.verify(PASSWORD, other));
    }

    @Test
    @DisplayName("A tampered hash, salt or parameter set never verifies")
    void tamperedHash() {
        String[] parts = stored.split("\\$");
        assertFalse(hasher.verify(PASSWORD, join(parts, 5, flip(parts[5], 10))), "hash tampered");
        assertFalse(hasher.verify(PASSWORD, join(parts, 4, flip(parts[4], 5))), "salt tampered");
        assertFalse(hasher.verify(PASSWORD, join(parts, 3, "m=19456,t=3,p=1")), "iterations tampered");
        assertFalse(hasher.verify(PASSWORD, join(parts, 1, "argon2i")), "variant changed");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "$", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$$",
            "$argon2id$v=19$m=19456,t=2,p=1$!!!!$!!!!", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA",
            "$argon2id$v=19$m=19456,t=2,p=1,x=9$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="})
    @DisplayName("Garbage stored values are a plain 'no', never an exception")
    void garbageIsFalse(String garbage) {
        assertFalse(hasher.verify(PASSWORD, garbage));
    }

    @Test
    @DisplayName("A null password is a plain 'no'")
    void nullPassword() {
        assertFalse(hasher.verify(null, stored));
        assertDoesNotThrow(() -> hasher.verifyDecoy(null));
    }

    @Test
    @DisplayName("Rule 7: the decoy check for an unknown account costs about as much as a real check")
    void decoyTakesAsLongAsVerify() {
        for (int i = 0; i < 5; i++) { // warm-up: let the JIT compile Argon2 before anything is timed
            hasher.verify("wrong password", stored);
            hasher.verifyDecoy("wrong password");
        }
        // Interleaved, so that any drift of the machine (JIT, other load) hits both alike.
        long[] real = new long[9];
        long[] decoy = new long[9];
        for (int i = 0; i < real.length; i++) {
            real[i] = time(() -> hasher.verify("wrong password", stored));
            decoy[i] = time(() -> hasher.verifyDecoy("wrong password"));
        }
        java.util.Arrays.sort(real);
        java.util.Arrays.sort(decoy);
        long r = real[real.length / 2];
        long d = decoy[decoy.length / 2];
        double ratio = (double) Math.max(r, d) / Math.min(r, d);
        assertTrue(ratio <= 3.0, "verify median " + r / 1_000_000 + " ms, decoy median "
                + d / 1_000_000 + " ms, ratio " + ratio);
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    private static String flip(String b64, int index) {
        char c = b64.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return b64.substring(0, index) + replacement + b64.substring(index + 1);
    }

    private static String join(String[] parts, int replaceAt, String replacement) {
        String[] copy = parts.clone();
        copy[replaceAt] = replacement;
        return String.join("$", copy);
    }
}
