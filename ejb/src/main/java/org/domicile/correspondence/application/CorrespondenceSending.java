package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.domicile.audit.AuditLog;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.identity.domain.Account;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.TimeSource;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.Purpose;

/**
 * The correspondence session (SPEC §2, seed 000): sending a validated correspondence repeats
 * the trust check for the sender, every recipient and the processing chain at the level of its
 * kind, and asks for a fresh code bound to its content digest. Only that code, typed for that
 * content, submits it. The session-opening protocol is {@link SessionOpening}'s; this class only
 * says what is bound and what happens on success.
 */
@Stateless
public class CorrespondenceSending {

    public static final String NO_LONGER_VALID = SessionOpening.NO_LONGER_VALID;
    static final String CONTENT_CHANGED = "The correspondence has changed since this code was sent: the code"
            + " confirms the earlier content only. Validate it again and ask for a new code.";

    @Inject
    SenderOffice office;

    @Inject
    RecipientBook recipients;

    @EJB
    SessionOpening opening;

    @Inject
    CorrespondenceViews views;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    @Inject
    Event<CorrespondenceSubmitted> submitted;

    /**
     * Trust check and a code by SMS bound to the validated content digest. A party below the
     * level refuses the session, naming him ({@code TrustRefusedException}); no code is sent.
     */
    public ChallengeView start(String senderAccountId, String correspondenceId, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "send", source);
        ContentManifest manifest = c.readyToSend();
        for (PartyRef r : c.recipients()) {
            if (r.kind() != PartyKind.USER) {
                throw new BadInputException(RecipientBook.FIELD, "Recipients: " + recipients.view(r).displayName()
                        + " has no private office yet, so he cannot accept a registered correspondence."
                        + " Remove him, validate again and send.");
            }
            if (!recipients.inDirectory(r)) {
                throw new BadInputException(RecipientBook.FIELD, "Recipients: one of the recipients is no longer in"
                        + " the directory. Remove him, validate again and send.");
            }
        }
        ChallengeView view = opening.open(sender, Purpose.CORRESPONDENCE, c.kind().requiredLevel(), c.recipients(),
                manifest.digest(), SendingSmsText.of(c, settings.codeTtl()), source);
        c.sendingStarted(view.challengeId());
        audit.recordDone(sender.loginName(), "correspondence.sending", c.id().value(), source,
                "challenge " + view.challengeId() + ", digest " + manifest.digestHex());
        return view;
    }

    /** A new code for the same session and the same content, after the cooldown; the old code stops working. */
    public ChallengeView resend(String senderAccountId, String correspondenceId, String challengeId, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "send", source);
        requireSessionOf(sender, c, challengeId);
        ContentManifest manifest = c.readyToSend();
        return opening.resend(challengeId, sender, manifest.digest(), SendingSmsText.of(c, settings.codeTtl()), source);
    }

    /**
     * The code typed by the sender, checked against the digest of the content as it is now: a
     * code sent for other content fails (and counts as a wrong try). On success the
     * correspondence is SUBMITTED in this same transaction.
     */
    public CorrespondenceView confirm(String senderAccountId, String correspondenceId, String challengeId, String code,
                                      String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "send", source);
        if (!c.status().isEditable()) {
            throw new CodeRejectedException(NO_LONGER_VALID, 0);
        }
        requireSessionOf(sender, c, challengeId);
        ContentManifest current = c.manifest();
        boolean changed = c.status() != CorrespondenceStatus.VALIDATED
                || !c.validatedDigest().orElse("").equals(current.digestHex());
        Challenge challenge;
        try {
            challenge = opening.confirm(challengeId, current.digest(), code, source);
        } catch (CodeRejectedException rejected) {
            // Tries left means the code was checked (not expired or used up): say why it failed.
            if (changed && rejected.triesLeft() > 0) {
                throw new CodeRejectedException(CONTENT_CHANGED, rejected.triesLeft());
            }
            throw rejected;
        }
        c.submit(current.digest(), time.now());
        submitted.fire(new CorrespondenceSubmitted(c.id().value(), current.digestHex(), c.kind().requiredLevel(),
                time.now()));
        audit.recordDone(sender.loginName(), "correspondence.submitted", c.id().value(), source,
                "digest " + current.digestHex() + ", challenge " + challenge.id() + ", trust decision "
                        + challenge.decisionId());
        return views.of(c);
    }

    private void requireSessionOf(Account sender, Correspondence c, String challengeId) {
        boolean ours = c.isSendingChallenge(challengeId)
                && opening.ownerOf(challengeId).map(sender.id().value()::equals).orElse(false)
                && opening.purposeOf(challengeId).map(Purpose.CORRESPONDENCE::equals).orElse(false);
        if (!ours) {
            throw new CodeRejectedException(NO_LONGER_VALID, 0);
        }
    }
}
