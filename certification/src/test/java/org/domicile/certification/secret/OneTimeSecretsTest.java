package org.domicile.certification.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OneTimeSecretsTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] CONTENT_HASH = "sha256:letter-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONE = new byte[0];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private final OneTimeSecrets secrets = new OneTimeSecrets(KEY);

    /** A real CSPRNG whose nextInt always answers the same value, to issue the same code twice. */
    private static SecureRandom fixedCode(int value) {
        return new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }

    @Test
    @DisplayName("Rule 1: codes are 6 ASCII decimal digits from a CSPRNG, spread over the whole range")
    void rule1CodesAreRandomSixDigits() {
        assertEquals(6, secrets.digits());
        int[] firstDigit = new int[10];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = secrets.issue("session-" + i, NONE).code();
            assertTrue(code.matches("[0-9]{6}"), code);
            distinct.add(code);
            firstDigit[code.charAt(0) - '0']++;
        }
        // 1000 draws from 10^6: about 0.5 collisions are expected; many more means a weak generator.
        assertTrue(distinct.size() >= 990, "distinct codes: " + distinct.size());
        // Each leading digit expected 100 times (sd 9.5); bounds are over 5 sd away.
        for (int digit = 0; digit < 10; digit++) {
            assertTrue(firstDigit[digit] >= 50 && firstDigit[digit] <= 160,
                    "leading digit " + digit + " seen " + firstDigit[digit] + " times");
        }
    }

    @Test
    @DisplayName("Rule 1: small random values keep their leading zeros (all 10^6 codes are possible)")
    void rule1LeadingZerosKept() {
        IssuedSecret issued = new OneTimeSecrets(KEY, fixedCode(42)).issue("s", NONE);
        assertEquals("000042", issued.code());
        assertTrue(secrets.matches(issued.form(), "s", NONE, "000042"));
    }

    @Test
    @DisplayName("Rule 1: codes are ASCII digits whatever the server's default locale (e.g. Arabic digits in ar-EG)")
    void rule1AsciiDigitsInAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            IssuedSecret issued = new OneTimeSecrets(KEY, fixedCode(42)).issue("s", NONE);
            assertEquals("000042", issued.code());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("the issued code matches its form for the same session and bound data")
    void matchesOwnCode() {
        IssuedSecret issued = secrets.issue("session-A", CONTENT_HASH);
        assertTrue(secrets.matches(issued.form(), "session-A", CONTENT_HASH, issued.code()));
        assertTrue(secrets.matches(SecretForm.decode(issued.form().encode()), "session-A", CONTENT_HASH, issued.code()));
    }

    @Test
    @DisplayName("Rule 4: a code issued for session A does not open session B")
    void rule4BoundToSession() {
        IssuedSecret issued = secrets.issue("session-A", CONTENT_HASH);
        assertFalse(secrets.matches(issued.form(), "session-B", CONTENT_HASH, issued.code()));
        assertFalse(secrets.matches(issued.form(), "session-A ", CONTENT_HASH, issued.code()));
    }

    @Test
    @DisplayName("Rule 4: a code bound to data X does not match data Y")
    void rule4BoundToData() {
        IssuedSecret issued = secrets.issue("session-A", CONTENT_HASH);
        assertFalse(secrets.matches(issued.form(), "session-A", "sha256:letter-2".getBytes(StandardCharsets.UTF_8),
                issued.code()));
        assertFalse(secrets.matches(issued.form(), "session-A", NONE, issued.code()));
    }

    @Test
    @DisplayName("Rule 4: session id and bound data are length-prefixed, so their boundary cannot be shifted")
    void rule4BoundaryCannotShift() {
        IssuedSecret issued = secrets.issue("ab", "c".getBytes(StandardCharsets.UTF_8));
        assertFalse(secrets.matches(issued.form(), "a", "bc".getBytes(StandardCharsets.UTF_8), issued.code()));
    }

    @Test
    @DisplayName("a form checks only with the verifier key that made it")
    void otherKeyDoesNotMatch() {
        IssuedSecret issued = secrets.issue("session-A", NONE);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertFalse(new OneTimeSecrets(otherKey).matches(issued.form(), "session-A", NONE, issued.code()));
    }

    @Test
    @DisplayName("wrong codes do not match")
    void wrongCode() {
        IssuedSecret issued = new OneTimeSecrets(KEY, fixedCode(123456)).issue("s", NONE);
        assertFalse(secrets.matches(issued.form(), "s", NONE, "123457"));
        assertFalse(secrets.matches(issued.form(), "s", NONE, "654321"));
        assertTrue(secrets.matches(issued.form(), "s", NONE, "123456"));
    }

    @Test
    @DisplayName("spaces in and around the typed code are ignored; malformed input is false, never an exception")
    void typedCodeNormalisation() {
        IssuedSecret issued = new OneTimeSecrets(KEY, fixedCode(123456)).issue("s", NONE);
        SecretForm form = issued.form();
        for (String typed : List.of(" 123456 ", "123 456", "1 2 3 4 5 6", "123\u00a0456", "\t123456\n")) {
            assertTrue(secrets.matches(form, "s", NONE, typed), "'" + typed + "'");
        }
        for (String typed : Arrays.asList(null, "", "12345", "1234567", "12345a", "123-456", "+23456", "12345６",
                "١٢٣٤٥٦", "0x1E240", " ".repeat(100) + "123456")) {
            assertFalse(secrets.matches(form, "s", NONE, typed), "'" + typed + "'");
        }
        assertFalse(secrets.matches(null, "s", NONE, "123456"));
        assertFalse(secrets.matches(form, null, NONE, "123456"));
        assertFalse(secrets.matches(form, "s", null, "123456"));
    }

    @Test
    @DisplayName("Rule 5: the stored form does not contain the code in any usual encoding")
    void rule5FormDoesNotRevealCode() {
        for (int i = 0; i < 200; i++) {
            IssuedSecret issued = secrets.issue("session-" + i, CONTENT_HASH);
            String code = issued.code();
            SecretForm form = issued.form();
            byte[] stored = ByteBuffer.allocate(48).put(form.salt()).put(form.mac()).array();
            String hex = HexFormat.of().formatHex(stored);
            assertFalse(form.encode().contains(code), "text form contains the code");
            assertFalse(hex.contains(code), "hex of the stored bytes contains the code");
            assertFalse(contains(stored, code.getBytes(StandardCharsets.US_ASCII)), "ASCII code in stored bytes");
            assertFalse(contains(stored, ByteBuffer.allocate(4).putInt(Integer.parseInt(code)).array()),
                    "binary code in stored bytes");
            assertFalse(form.encode().contains(Base64.getEncoder().withoutPadding()
                    .encodeToString(code.getBytes(StandardCharsets.US_ASCII))), "base64 of the code");
            assertFalse(form.toString().contains(code));
            assertFalse(issued.toString().contains(code), "IssuedSecret.toString shows the code");
        }
    }

    @Test
    @DisplayName("Rule 5: the same code issued twice for the same session gets a different salt and MAC")
    void rule5SameCodeDifferentForms() {
        OneTimeSecrets fixed = new OneTimeSecrets(KEY, fixedCode(314159));
        IssuedSecret first = fixed.issue("session-A", CONTENT_HASH);
        IssuedSecret second = fixed.issue("session-A", CONTENT_HASH);
        assertEquals(first.code(), second.code());
        assertFalse(Arrays.equals(first.form().salt(), second.form().salt()));
        assertFalse(Arrays.equals(first.form().mac(), second.form().mac()));
        assertNotEquals(first.form(), second.form());
        assertNotEquals(first.form().encode(), second.form().encode());
    }

    @Test
    @DisplayName("Rule 5: checking is by recomputed MAC; a form with a single changed MAC bit is rejected")
    void rule5AlteredMacRejected() {
        IssuedSecret issued = secrets.issue("session-A", NONE);
        byte[] mac = issued.form().mac();
        mac[31] ^= 1;
        assertFalse(secrets.matches(new SecretForm(issued.form().salt(), mac), "session-A", NONE, issued.code()));
        byte[] salt = issued.form().salt();
        salt[0] ^= 1;
        assertFalse(secrets.matches(new SecretForm(salt, issued.form().mac()), "session-A", NONE, issued.code()));
    }

    @Test
    @DisplayName("the verifier key must be at least 32 bytes; issuing needs a session id and bound data")
    void rejectsBadConfigurationAndArguments() {
        assertThrows(IllegalArgumentException.class, () -> new OneTimeSecrets(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new OneTimeSecrets(null));
        assertThrows(IllegalArgumentException.class, () -> secrets.issue(" ", NONE));
        assertThrows(IllegalArgumentException.class, () -> secrets.issue(null, NONE));
        assertThrows(IllegalArgumentException.class, () -> secrets.issue("s", null));
    }

    @Test
    @DisplayName("the verifier key is copied: changing the caller's array later does not change the checks")
    void keyIsCopied() {
        byte[] key = KEY.clone();
        OneTimeSecrets own = new OneTimeSecrets(key);
        IssuedSecret issued = own.issue("s", NONE);
        Arrays.fill(key, (byte) 0);
        assertTrue(own.matches(issued.form(), "s", NONE, issued.code()));
    }

    @Test
    @DisplayName("issuing and checking can run on many threads at once")
    void threadSafe() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            String session = "session-" + t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    IssuedSecret issued = secrets.issue(session, CONTENT_HASH);
                    if (!secrets.matches(issued.form(), session, CONTENT_HASH, issued.code())) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, failures.get());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
