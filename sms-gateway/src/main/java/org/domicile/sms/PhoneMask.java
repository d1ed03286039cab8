package org.domicile.sms;

/**
 * Masks phone numbers for log lines, exception messages and {@code toString()}:
 * {@code +33612345678} becomes {@code +33*******78}.
 */
public final class PhoneMask {

    // Beyond this many hidden characters the exact length tells nothing useful.
    private static final int MAX_STARS = 16;

    private PhoneMask() {
    }

    /**
     * Keeps the first three and last two characters, which is enough to tell numbers apart
     * in a log without disclosing them. Short values are masked entirely.
     */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int n = number.length();
        if (n < 8) {
            return "*".repeat(n);
        }
        return number.substring(0, 3) + "*".repeat(Math.min(n - 5, MAX_STARS)) + number.substring(n - 2);
    }
}
