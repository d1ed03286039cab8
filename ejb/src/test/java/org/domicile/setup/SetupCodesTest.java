package org.domicile.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SetupCodesTest {

    private static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final byte[] KEY = key();

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    @DisplayName("Codes are 4 groups of 4 symbols from a 32-symbol alphabet without look-alikes: 80 bits")
    void shapeAndStrength() {
        Set<Character> seen = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = SetupCodes.newCode();
            assertTrue(code.matches("[" + UNAMBIGUOUS + "]{4}(-[" + UNAMBIGUOUS + "]{4}){3}"), code);
            code.replace("-", "").chars().forEach(c -> seen.add((char) c));
            codes.add(code);
        }
        assertEquals(2000, codes.size(), "no repeats");
        assertEquals(32, seen.size(), "every symbol of the 32-symbol alphabet is used");
        for (char lookAlike : "01IO".toCharArray()) {
            assertFalse(seen.contains(lookAlike), "look-alike " + lookAlike);
        }
        double bits = 16 * (Math.log(seen.size()) / Math.log(2));
        assertTrue(bits >= 80, bits + " bits");
    }

    @Test
    @DisplayName("The check form accepts the code as printed, in lower case, without dashes or with spaces")
    void roundTripTolerant() {
        String code = SetupCodes.newCode();
        String form = SetupCodes.form(KEY, code);
        assertTrue(SetupCodes.matches(KEY, form, code));
        assertTrue(SetupCodes.matches(KEY, form, code.toLowerCase(Locale.ROOT)));
        assertTrue(SetupCodes.matches(KEY, form, code.replace("-", "")));
        assertTrue(SetupCodes.matches(KEY, form, " " + code.replace("-", " ") + " "));
    }

    @Test
    @DisplayName("A wrong code, another key, null or an overlong input do not match")
    void wrongCodes() {
        String code = SetupCodes.newCode();
        String form = SetupCodes.form(KEY, code);
        String other;
        do {
            other = SetupCodes.newCode();
        } while (other.equals(code));
        assertFalse(SetupCodes.matches(KEY, form, other));
        assertFalse(SetupCodes.matches(KEY, form, code.substring(0, 18)));
        assertFalse(SetupCodes.matches(KEY, form, code + "A"));
        assertFalse(SetupCodes.matches(KEY, form, ""));
        assertFalse(SetupCodes.matches(KEY, form, null));
        assertFalse(SetupCodes.matches(KEY, form, code + " ".repeat(60)));
        assertFalse(SetupCodes.matches(key(), form, code), "a form is useless without the server's key");
        assertFalse(SetupCodes.matches(KEY, null, code));
        assertFalse(SetupCodes.matches(KEY, "no-dot-here", code));
    }

    @Test
    @DisplayName("Rule 5: the stored form reveals nothing of the code, and two forms of one code differ (salt)")
    void formHidesCode() {
        String code = SetupCodes.newCode();
        String form1 = SetupCodes.form(KEY, code);
        String form2 = SetupCodes.form(KEY, code);
        String bare = code.replace("-", "");
        for (String form : new String[] {form1, form2}) {
            assertFalse(form.contains(code), form);
            assertFalse(form.toUpperCase(Locale.ROOT).contains(bare), form);
        }
        assertNotEquals(form1, form2);
        assertTrue(SetupCodes.matches(KEY, form1, code));
        assertTrue(SetupCodes.matches(KEY, form2, code));
    }
}
