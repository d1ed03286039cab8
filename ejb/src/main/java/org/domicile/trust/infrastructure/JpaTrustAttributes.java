package org.domicile.trust.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustAttributeSource;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.directory.domain.Organisation;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.operators.domain.ProcessingOperator;

/**
 * The trust attributes the certification server decides on, read afresh from the database each time: the
 * parties of one decision in one query per kind (a correspondence session names the sender, the
 * recipients and the eight operators of the chain).
 */
@ApplicationScoped
public class JpaTrustAttributes implements TrustAttributeSource {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Override
    public Optional<TrustLevel> levelOf(PartyRef party) {
        return Optional.ofNullable(levelsOf(List.of(party)).get(party));
    }

    @Override
    public Map<PartyRef, TrustLevel> levelsOf(List<PartyRef> parties) {
        Map<PartyRef, TrustLevel> levels = new HashMap<>();
        read(parties, PartyKind.USER, Account.class, a -> a.id().value(),
                a -> a.status() == AccountStatus.DISABLED ? TrustLevel.NONE : a.trustLevel(), levels);
        read(parties, PartyKind.ORGANISATION, Organisation.class, Organisation::id, Organisation::trustLevel, levels);
        read(parties, PartyKind.OPERATOR, ProcessingOperator.class, ProcessingOperator::id,
                ProcessingOperator::trustLevel, levels);
        return levels;
    }

    /** The levels of the parties of one kind, in one query; none when the decision names no such party. */
    private <T> void read(List<PartyRef> parties, PartyKind kind, Class<T> entity, Function<T, String> id,
                          Function<T, TrustLevel> level, Map<PartyRef, TrustLevel> levels) {
        List<String> ids = parties.stream().filter(p -> p.kind() == kind).map(PartyRef::id).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("select e from " + entity.getSimpleName() + " e where e.id in :ids", entity)
                .setParameter("ids", ids).getResultList()
                .forEach(e -> levels.put(new PartyRef(kind, id.apply(e)), level.apply(e)));
    }
}
