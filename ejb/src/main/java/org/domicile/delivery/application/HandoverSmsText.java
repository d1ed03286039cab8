package org.domicile.delivery.application;

import java.time.Duration;
import java.util.function.Function;
import org.domicile.correspondence.domain.Correspondence;

/**
 * The SMS of a handover session: it says what the code confirms (answering the letter waiting in
 * the office, by kind and a short reference), never the sender or the subject, which may be hidden
 * until acceptance, and never the content.
 */
final class HandoverSmsText {

    private HandoverSmsText() {
    }

    static Function<String, String> of(Correspondence c, Duration codeTtl) {
        String valid = codeTtl.toSeconds() < 60 ? codeTtl.toSeconds() + " s" : codeTtl.toMinutes() + " min";
        String ref = c.id().value().substring(0, Math.min(8, c.id().value().length()));
        return code -> "Domicile: code " + code + " confirms your answer (accept or refuse) to the "
                + c.kind().label() + " ref. " + ref + " waiting in your office. Valid " + valid + ". Never share it.";
    }
}
