package org.domicile.session.application;

import java.util.function.Function;
import org.domicile.platform.DomicileSettings;
import org.domicile.session.domain.Purpose;

/** The SMS texts of session opening. Each says what the code confirms and that it must not be shared. */
public final class SmsTexts {
    private SmsTexts() {
    }

    public static Function<String, String> forPurpose(Purpose purpose, DomicileSettings settings) {
        var ttl = settings.codeTtl();
        String valid = ttl.toSeconds() < 60 ? ttl.toSeconds() + " s" : ttl.toMinutes() + " min";
        return switch (purpose) {
            case LOGIN -> code -> "Domicile: your login code is " + code + ". Valid " + valid + ". Never share it.";
            case PHONE_VERIFICATION -> code -> "Domicile: your code to verify this number is " + code + ". Valid "
                    + valid + ".";
            case CORRESPONDENCE -> code -> "Domicile: code " + code + " confirms your correspondence. Valid "
                    + valid + ".";
            case MOBILE_CHANGE -> code -> "Domicile: code " + code + " makes this number the mobile of your office."
                    + " Valid " + valid + ".";
        };
    }
}
