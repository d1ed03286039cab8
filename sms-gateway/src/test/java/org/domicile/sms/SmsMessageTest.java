package org.domicile.sms;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "+0123", "abc", "+1234567890123456", "+33 6 12 34 56 78", "33612345678",
            "+123456", ""})
    void badNumbersAreRefusedWithAClearMessage(String number) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmsMessage(number, "Your code is 123456", "r1"));

        assertTrue(e.getMessage().contains("mobile number"), e.getMessage());
        if (!number.isBlank()) {
            assertTrue(e.getMessage().contains("E.164"), e.getMessage());
        }
        if (number.length() >= 8) {
            assertFalse(e.getMessage().contains(number), "number echoed in full: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33612345678", "+1234567", "+123456789012345", "+447700900123"})
    void validNumbersAreAccepted(String number) {
        assertDoesNotThrow(() -> new SmsMessage(number, "hello", "r1"));
    }

    @Test
    void nullNumberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage(null, "hello", "r1"));
    }

    @Test
    void bodyMustBePresentAndAtMost1600Characters() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", " \n", "r1"))
                .getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", null, "r1"));
        assertDoesNotThrow(() -> new SmsMessage("+33612345678", "x".repeat(1600), "r1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SmsMessage("+33612345678", "x".repeat(1601), "r1")).getMessage().contains("1600"));
    }

    @Test
    void referenceMustBePresent() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", "hi", " "))
                .getMessage().contains("reference"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", "hi", null));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", "hi", "r1\nFAKE LOG LINE"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("+33612345678", "hi", "r".repeat(256)));
    }

    @Test
    void toStringHidesTheBodyAndMasksTheNumber() {
        String text = new SmsMessage("+33612345678", "Your code is 482913", "challenge-7").toString();

        assertFalse(text.contains("482913"), text);
        assertFalse(text.contains("+33612345678"), text);
        assertTrue(text.contains("+33*******78"), text);
        assertTrue(text.contains("challenge-7"), text);
    }

    @Test
    void maskKeepsOnlyPrefixAndLastTwoDigits() {
        assertEquals("+33*******78", PhoneMask.mask("+33612345678"));
        assertEquals("***", PhoneMask.mask("abc"));
        assertEquals("null", PhoneMask.mask(null));
    }
}
