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
     * The SMS notice of a delivery was sent, or finally could not be: evidence of it
     * (ConsignmentNotification or its Failure) for that recipient, once.
     */
    void notified(@Observes NotificationOutcome outcome) {
        if (!outcome.reference().startsWith(Notices.DELIVERY) || outcome.detail().startsWith("UNCERTAIN")) {
            // An uncertain SMS (the process died during the call) may have left: no evidence either way.
            return;
        }
        String id = outcome.reference().substring(Notices.DELIVERY.length());
        var c = correspondences.find(new CorrespondenceId(id));
        EvidenceEvent event = outcome.sent() ? EvidenceEvent.CONSIGNMENT_NOTIFICATION
                : EvidenceEvent.CONSIGNMENT_NOTIFICATION_FAILURE;
        if (c.isEmpty() || ledger.issued(id, event, outcome.accountId())) {
            return;
        }
        facts.evidence(c.get(), event, outcome.at(), outcome.sent() ? ""
                : "The SMS notice could not be delivered (" + outcome.detail() + "); the correspondence waits in"
                + " the recipient's office all the same.", outcome.accountId());
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
