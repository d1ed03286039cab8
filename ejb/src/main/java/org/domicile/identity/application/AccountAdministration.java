package org.domicile.identity.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.domicile.audit.AuditLog;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.Role;
import org.domicile.platform.BadInputException;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;
import org.domicile.session.application.SessionRegistry;
import org.domicile.session.domain.EndReason;

/** The certification operator disables accounts; their open sessions end at once (SECURITY-BASELINE 14). */
@Stateless
public class AccountAdministration {

    @Inject
    AccountRepository accounts;

    @EJB
    SessionRegistry sessions;

    @EJB
    AuditLog audit;

    public int disable(String operatorAccountId, String accountId, String justification, String source) {
        String why = justification == null ? "" : justification.strip();
        if (why.length() < 10 || why.length() > 500) {
            throw new BadInputException("justification", "Justification: 10 to 500 characters saying why.");
        }
        Account account = (Ids.looksLikeId(accountId) ? accounts.find(new AccountId(accountId))
                : java.util.Optional.<Account>empty())
                .orElseThrow(() -> new NotFoundException("No such account."));
        if (account.role() == Role.OPERATOR) {
            throw new BadInputException("account", "The certification operator's account cannot be disabled here.");
        }
        account.disable();
        int ended = sessions.endAllFor(accountId, EndReason.ACCOUNT_DISABLED);
        audit.recordDone(operatorAccountId, "account.disabled", accountId, source,
                "sessions ended: " + ended + "; why: " + why);
        return ended;
    }
}
