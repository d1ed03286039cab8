package org.domicile.correspondence.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.DraftContent;
import org.domicile.correspondence.domain.MessageText;
import org.domicile.correspondence.domain.Subject;
import org.domicile.identity.domain.AccountId;
import org.domicile.platform.Ids;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SMS says what the code confirms (kind, subject, recipients) and nothing of the content. */
class SendingSmsTextTest {

    private static Correspondence letter(CorrespondenceKind kind, String subject, int recipients) {
        var parties = new java.util.ArrayList<PartyRef>();
        for (int i = 0; i < recipients; i++) {
            parties.add(new PartyRef(PartyKind.USER, Ids.newId()));
        }
        return Correspondence.draft(new AccountId(Ids.newId()), new DraftContent(kind, new Subject(subject),
                new MessageText("The secret terms of the settlement."), List.copyOf(parties)), Instant.EPOCH);
    }

    @Test
    @DisplayName("Kind, subject and number of recipients, the code first, validity, never the text")
    void saysWhatIsConfirmed() {
        String sms = SendingSmsText.of(letter(CorrespondenceKind.REGISTERED, "Résiliation du bail", 2),
                Duration.ofMinutes(10)).apply("123456");
        assertEquals("Domicile: code 123456 confirms sending your registered letter \"Résiliation du bail\" to 2"
                + " recipients. Valid 10 min. Never share it.", sms);
        assertFalse(sms.contains("secret terms"));
    }

    @Test
    @DisplayName("A long subject is cut to 40 characters; one recipient is singular")
    void longSubject() {
        String subject = "Mise en demeure de payer les loyers de janvier à mars 2025";
        String sms = SendingSmsText.of(letter(CorrespondenceKind.SIMPLE, subject, 1), Duration.ofSeconds(30))
                .apply("654321");
        assertTrue(sms.contains("simple letter \"" + subject.substring(0, 40) + "…\" to 1 recipient."), sms);
        assertTrue(sms.contains("Valid 30 s."), sms);
    }
}
