package org.domicile.correspondence.application;

import java.time.Duration;
import java.util.function.Function;
import org.domicile.correspondence.domain.Correspondence;

/**
 * The SMS of a correspondence session. It says what the code confirms, so that a code read on
 * the phone cannot be mistaken for another: the kind, the subject (cut to 40 characters) and the
 * number of recipients. Never the text or the files: the SMS leaves the service.
 */
final class SendingSmsText {

    static final int SUBJECT_CHARACTERS = 40;

    private SendingSmsText() {
    }

    static Function<String, String> of(Correspondence c, Duration codeTtl) {
        int n = c.recipients().size();
        String valid = codeTtl.toSeconds() < 60 ? codeTtl.toSeconds() + " s" : codeTtl.toMinutes() + " min";
        String what = c.kind().label() + " \"" + c.subject().cut(SUBJECT_CHARACTERS) + "\" to " + n
                + (n == 1 ? " recipient" : " recipients");
        return code -> "Domicile: code " + code + " confirms sending your " + what + ". Valid " + valid
                + ". Never share it.";
    }
}
