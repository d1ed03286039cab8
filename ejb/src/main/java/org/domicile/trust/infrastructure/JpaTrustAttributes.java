package org.domicile.trust.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustAttributeSource;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.directory.domain.Organisation;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.operators.domain.ProcessingOperator;

/** The trust attributes the certification server decides on, read afresh from the database each time. */
@ApplicationScoped
public class JpaTrustAttributes implements TrustAttributeSource {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Override
    public Optional<TrustLevel> levelOf(PartyRef party) {
        return switch (party.kind()) {
            case USER -> Optional.ofNullable(em.find(Account.class, party.id()))
                    .map(a -> a.status() == AccountStatus.DISABLED ? TrustLevel.NONE : a.trustLevel());
            case ORGANISATION -> Optional.ofNullable(em.find(Organisation.class, party.id()))
                    .map(Organisation::trustLevel);
            case OPERATOR -> Optional.ofNullable(em.find(ProcessingOperator.class, party.id()))
                    .map(ProcessingOperator::trustLevel);
        };
    }
}
