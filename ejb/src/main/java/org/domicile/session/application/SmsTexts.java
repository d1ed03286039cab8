package org.domicile.session.application;

import java.util.function.Function;
import org.domicile.platform.DomicileSettings;
import org.domicile.session.domain.Purpose;

/** The SMS texts of session opening. Each says what the code confirms and that it must not be shared. */
public final class SmsTexts {
    private SmsTexts() {
    }

    public static Function<String, String> forPurpose(Purpose purpose, DomicileSettings settings) {
        long minutes = Math.max(1, settings.codeTtl().toMinutes());
        return switch (purpose) {
            case LOGIN -> code -> "Domicile: your login code is " + code + ". Valid " + minutes
                    + " min. Never share it.";
            case PHONE_VERIFICATION -> code -> "Domicile: your code to verify this number is " + code + ". Valid "
                    + minutes + " min.";
            case CORRESPONDENCE -> code -> "Domicile: code " + code + " confirms your correspondence. Valid "
                    + minutes + " min.";
            case MOBILE_CHANGE -> code -> "Domicile: code " + code + " makes this number the mobile of your office."
                    + " Valid " + minutes + " min.";
        };
    }
}
