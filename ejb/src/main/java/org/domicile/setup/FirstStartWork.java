package org.domicile.setup;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.identity.domain.LoginName;
import org.domicile.operators.application.OperatorRegistry;
import org.domicile.platform.TimeSource;
import org.domicile.trust.infrastructure.KeyVault;

/** The transactional steps of first start, each on its own so that a concurrent instance can lose a race harmlessly. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FirstStartWork {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @EJB
    OperatorRegistry operators;

    @Inject
    KeyVault vault;

    @Inject
    TimeSource time;

    public int registerOperators() {
        return operators.registerBuiltIns();
    }

    /**
     * Creates the operator account if there is none, or a fresh setup code when asked to and the
     * setup is not done yet. Returns the new code (to be printed once), or empty.
     */
    public Optional<String> operatorSetupCode(boolean renew) {
        var login = new LoginName(Account.OPERATOR_LOGIN);
        var existing = accounts.findByLogin(login);
        if (existing.isPresent() && !(renew && existing.get().status() == AccountStatus.SETUP)) {
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            accounts.add(Account.operatorAwaitingSetup(time.now()));
        }
        String code = SetupCodes.newCode();
        var old = em.find(SetupSecret.class, SetupSecret.OPERATOR);
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        em.persist(new SetupSecret(SetupSecret.OPERATOR, SetupCodes.form(vault.derivedKey("setup-code"), code),
                time.now()));
        return Optional.of(code);
    }
}
