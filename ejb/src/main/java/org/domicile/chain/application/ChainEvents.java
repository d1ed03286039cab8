package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.correspondence.application.CorrespondenceSubmitted;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.delivery.application.RecipientAnswered;
import org.domicile.evidence.application.EvidenceLedger;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.messaging.application.NotificationOutcome;

/**
 * What the chain does when something happens elsewhere, in the same transaction: a submission
 * starts the chain; a recipient's answer (or expiry) becomes evidence and a notice to the sender,
 * and the last answer ends the HANDOVER step.
 */
@ApplicationScoped
public class ChainEvents {

    @EJB
    ChainRunner runner;

    @EJB
    ChainFacts facts;

    @EJB
    Notices notices;

    @Inject
    CorrespondenceRepository correspondences;

    @Inject
    AccountRepository accounts;

    @EJB
    EvidenceLedger ledger;

    /**
     * The SMS notice of a delivery was sent, or finally could not be, or may or may not have left
     * (the server stopped during the call, or the gateway broke off without saying): evidence of it
     * for that recipient, once. ConsignmentNotification only for a notice the gateway took; otherwise
     * ConsignmentNotificationFailure with the reason, an unknown fate said as such, since nobody can
     * show that the recipient was told.
     */
    void notified(@Observes NotificationOutcome outcome) {
        if (!outcome.reference().startsWith(Notices.DELIVERY)) {
            return;
        }
        String id = outcome.reference().substring(Notices.DELIVERY.length());
        var c = correspondences.find(new CorrespondenceId(id));
        EvidenceEvent event = outcome.sent() ? EvidenceEvent.CONSIGNMENT_NOTIFICATION
                : EvidenceEvent.CONSIGNMENT_NOTIFICATION_FAILURE;
        if (c.isEmpty() || ledger.issued(id, event, outcome.accountId())) {
            return;
        }
        facts.evidence(c.get(), event, outcome.at(), notificationReason(outcome), outcome.accountId());
    }

    private static String notificationReason(NotificationOutcome outcome) {
        if (outcome.sent()) {
            return "";
        }
        String waits = " The correspondence waits in the recipient's office all the same.";
        if (outcome.uncertain()) {
            String why = outcome.detail().substring(NotificationOutcome.UNCERTAIN.length());
            return "Whether the SMS notice reached the recipient is not known: "
                    + (why.endsWith(".") ? why : why + ".") + waits;
        }
        return "The SMS notice could not be delivered (" + outcome.detail() + ")." + waits;
    }

    void submitted(@Observes CorrespondenceSubmitted event) {
        runner.start(event.correspondenceId(), event.level(), event.contentDigest(), event.at());
    }

    void answered(@Observes RecipientAnswered answer) {
        Correspondence c = correspondences.find(new CorrespondenceId(answer.correspondenceId()))
                .orElseThrow(() -> new IllegalStateException("no correspondence " + answer.correspondenceId()));
        String who = accounts.find(new AccountId(answer.recipientId())).map(Account::displayName).orElse("a recipient");
        String what;
        switch (answer.outcome()) {
            case ACCEPTED -> {
                facts.evidence(c, EvidenceEvent.CONSIGNMENT_ACCEPTANCE, answer.at(), "", answer.recipientId());
                facts.evidence(c, EvidenceEvent.CONTENT_HANDOVER, answer.at(), "", answer.recipientId());
                what = "was accepted by " + who;
            }
            case REFUSED -> {
                facts.evidence(c, EvidenceEvent.CONSIGNMENT_REJECTION, answer.at(),
                        "The recipient refused the correspondence.", answer.recipientId());
                what = "was refused by " + who;
            }
            case EXPIRED -> {
                facts.evidence(c, EvidenceEvent.ACCEPTANCE_REJECTION_EXPIRY, answer.at(),
                        "The recipient did not accept or refuse the correspondence before the deadline.",
                        answer.recipientId());
                what = "was not answered by " + who + " before the deadline";
            }
            default -> throw new IllegalStateException("not an answer: " + answer.outcome());
        }
        notices.tell(c.sender().value(), "Domicile: your " + c.kind().label() + " \"" + c.subject().cut(40) + "\" "
                + what + " (" + answer.at().atOffset(ZoneOffset.UTC).toLocalDate() + "). The evidence is in your office.",
                "answer:" + c.id().value() + ":" + answer.recipientId());
        if (answer.allAnswered()) {
            runner.completeHandover(c.id().value(), answer.at());
        }
    }
}
