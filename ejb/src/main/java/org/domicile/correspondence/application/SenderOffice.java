package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.domicile.audit.AuditLog;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.platform.DomicileException;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;

/**
 * Deny by default (SECURITY-BASELINE 16): a correspondence is reached only through its sender's
 * office. Any other id, someone else's or no one's, gets the same "not found" and an audit line.
 */
@ApplicationScoped
public class SenderOffice {

    static final String NOT_FOUND = "There is no such correspondence in your office.";

    @Inject
    AccountRepository accounts;

    @Inject
    CorrespondenceRepository repository;

    @EJB
    AuditLog audit;

    /** The account of the office asking; its session vouched for it. */
    public Account sender(String senderAccountId) {
        return (Ids.looksLikeId(senderAccountId) ? accounts.find(new AccountId(senderAccountId))
                : Optional.<Account>empty())
                .orElseThrow(() -> new DomicileException("Your session has ended. Please log in again."));
    }

    /**
     * The sender's own correspondence for a change: a draft is locked until the transaction ends.
     * A sent one is returned unlocked, for the caller to refuse the change: it never becomes a
     * draft again, and the chain may hold its row for as long as it runs its steps, which the
     * sender must not wait for.
     */
    public Correspondence forChange(Account sender, String correspondenceId, String action, String source) {
        Correspondence c = owned(sender, correspondenceId, action, source);
        if (!c.status().isEditable()) {
            return c;
        }
        return repository.lock(c.id()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The sender's own correspondence, to read. */
    public Correspondence forReading(Account sender, String correspondenceId, String action, String source) {
        return owned(sender, correspondenceId, action, source);
    }

    /**
     * The state of the sender's own correspondence, in one read: what a client following it polls.
     * The read itself is limited to the sender's correspondence, so the account (which the session
     * check has just read) is read again only for another id, which takes the path of
     * {@link #forReading}: refused and audited.
     */
    public CorrespondenceSummary summaryOf(String senderAccountId, String correspondenceId, String action,
                                          String source) {
        Optional<AccountId> me = Ids.looksLikeId(senderAccountId) ? Optional.of(new AccountId(senderAccountId))
                : Optional.empty();
        return me.flatMap(s -> CorrespondenceId.parse(correspondenceId).flatMap(id -> repository.summaryOf(id, s)))
                .orElseGet(() -> owned(sender(senderAccountId), correspondenceId, action, source).summary());
    }

    private Correspondence owned(Account sender, String correspondenceId, String action, String source) {
        Optional<Correspondence> found = CorrespondenceId.parse(correspondenceId).flatMap(repository::find);
        if (found.isPresent() && found.get().sender().equals(sender.id())) {
            return found.get();
        }
        audit.record(sender.loginName(), "correspondence.access", correspondenceId == null ? "-" : correspondenceId,
                "DENIED", source, "access denied: " + action + (found.isPresent()
                        ? " on a correspondence of another office" : " on an unknown correspondence id"));
        throw new NotFoundException(NOT_FOUND);
    }
}
