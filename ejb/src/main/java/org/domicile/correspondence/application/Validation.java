package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.domicile.audit.AuditLog;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.domain.Attachment;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.ContentType;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.identity.domain.Account;
import org.domicile.platform.TimeSource;

/**
 * Validating a draft (SPEC §3): its digest is computed and frozen, and the sender is shown
 * exactly what will be sealed and whether every party reaches the level its kind requires.
 * Any later change to the draft drops the validation.
 */
@Stateless
public class Validation {

    @Inject
    SenderOffice office;

    @Inject
    RecipientBook recipients;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    public ValidationView validate(String senderAccountId, String correspondenceId, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "validate", source);
        ContentManifest manifest = c.validate(time.now());
        TrustLevel required = c.kind().requiredLevel();
        var checks = c.recipients().stream().map(p -> check(p, required)).toList();
        var view = new ValidationView(c.id().value(), c.kind(), c.kind().label(), required,
                c.hidesSenderAndSubjectUntilAcceptance(), manifest.subject(), parts(c, manifest),
                manifest.digestHex(), senderCheck(sender, required), checks, c.validatedAt().orElseThrow());
        audit.recordDone(sender.loginName(), "correspondence.validated", c.id().value(), source,
                "digest " + manifest.digestHex() + ", " + manifest.parts().size() + " part(s)");
        return view;
    }

    private static List<ValidationView.Part> parts(Correspondence c, ContentManifest manifest) {
        var parts = new ArrayList<ValidationView.Part>();
        List<Attachment> attachments = c.attachments();
        for (int i = 0; i < manifest.parts().size(); i++) {
            ContentManifest.Part p = manifest.parts().get(i);
            String mediaType = i == 0 ? ContentType.TEXT.mediaType() : attachments.get(i - 1).mediaType();
            parts.add(new ValidationView.Part(p.name(), mediaType, p.size(), p.sha256()));
        }
        return parts;
    }

    private ValidationView.LevelCheck check(PartyRef party, TrustLevel required) {
        if (!recipients.inDirectory(party)) {
            return new ValidationView.LevelCheck(party.toString(), "(no longer in the directory)", TrustLevel.NONE,
                    false, "is no longer in the directory: remove this recipient");
        }
        RecipientView r = recipients.view(party);
        return new ValidationView.LevelCheck(r.key(), r.displayName(), r.trustLevel(),
                r.trustLevel().reaches(required), explain(r.trustLevel(), required));
    }

    private static ValidationView.LevelCheck senderCheck(Account sender, TrustLevel required) {
        return new ValidationView.LevelCheck(sender.party().toString(), sender.displayName(), sender.trustLevel(),
                sender.trustLevel().reaches(required), explain(sender.trustLevel(), required));
    }

    static String explain(TrustLevel has, TrustLevel required) {
        return has.reaches(required) ? "reaches level " + required + " (has " + has + ")"
                : "needs level " + required + ", has " + has;
    }
}
