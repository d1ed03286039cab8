package org.domicile.identity.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;

/**
 * A mobile number in E.164 form (+33612345678), checked with libphonenumber: it must be a
 * valid number that can be a mobile. Its {@link #toString()} is masked: numbers are personal data.
 */
public final class MobileNumber {
    public static final String RULE =
            "Mobile number: international form with country code, e.g. +33 6 12 34 56 78.";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String e164;

    private MobileNumber(String e164) {
        this.e164 = e164;
    }

    public static Optional<MobileNumber> parse(String raw) {
        // Only digits and the usual separators: libphonenumber would read letters as keypad digits
        // ("FLOWER") and drop extensions, and a code must never go to a number the user did not type.
        if (raw == null || raw.length() > 32 || !raw.strip().matches("\\+[0-9][0-9 .()-]*")) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw.strip(), "ZZ");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            var type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.empty();
            }
            return Optional.of(new MobileNumber(UTIL.format(number, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Re-reads a number stored by this class. */
    public static MobileNumber ofStored(String e164) {
        return new MobileNumber(e164);
    }

    public String e164() {
        return e164;
    }

    /** "+33*******78": the country code and the last two digits; enough to recognise, not to dial. */
    public String masked() {
        String country;
        try {
            country = "+" + UTIL.parse(e164, "ZZ").getCountryCode();
        } catch (NumberParseException e) {
            return "***";
        }
        int hidden = e164.length() - country.length() - 2;
        if (hidden <= 0) {
            return "***";
        }
        return country + "*".repeat(hidden) + e164.substring(e164.length() - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobileNumber m && m.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
