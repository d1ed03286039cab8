package org.domicile.trust.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.domicile.audit.AuditLog;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.directory.domain.Organisation;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.EmailAddress;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.platform.BadInputException;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.TimeSource;
import org.domicile.session.application.SessionRegistry;
import org.domicile.session.domain.EndReason;
import org.domicile.trust.domain.TrustChange;

/**
 * The certification operator's management of trust levels (SPEC §1, §8). Every change needs a
 * justification and is recorded (who, when, why, old to new); a lowered user ends his open
 * sessions in the same transaction, so the effect is immediate (SECURITY-BASELINE 14).
 */
@Stateless
public class TrustLevels {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    SessionRegistry sessions;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    public TrustChange change(String operatorAccountId, String partyKey, String newLevel, String justification,
                              String source) {
        var errors = new LinkedHashMap<String, String>();
        TrustLevel level = null;
        try {
            level = TrustLevel.parse(newLevel);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("level", "Level: choose NONE, LOW, SUBSTANTIAL or HIGH.");
        }
        String why = justification == null ? "" : justification.strip();
        if (why.length() < 10 || why.length() > 500) {
            errors.put("justification", "Justification: 10 to 500 characters saying why the level changes.");
        }
        PartyRef party = parseParty(partyKey, errors);
        if (party.kind() == PartyKind.USER && party.id().equals(operatorAccountId)) {
            errors.put("party", "Party: nobody changes his own trust level.");
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        TrustLevel old = switch (party.kind()) {
            case USER -> {
                Account a = em.find(Account.class, party.id());
                if (a == null) {
                    throw new NotFoundException("No such party.");
                }
                TrustLevel before = a.trustLevel();
                a.changeTrustLevel(level);
                yield before;
            }
            case ORGANISATION -> {
                Organisation o = em.find(Organisation.class, party.id());
                if (o == null) {
                    throw new NotFoundException("No such party.");
                }
                TrustLevel before = o.trustLevel();
                o.changeTrustLevel(level);
                yield before;
            }
            case OPERATOR -> {
                ProcessingOperator o = em.find(ProcessingOperator.class, party.id());
                if (o == null) {
                    throw new NotFoundException("No such party.");
                }
                TrustLevel before = o.trustLevel();
                o.changeTrustLevel(level);
                yield before;
            }
        };
        var change = new TrustChange(party, old, level, why, operatorAccountId, time.now());
        em.persist(change);
        int ended = 0;
        if (!level.reaches(old) && party.kind() == PartyKind.USER) {
            ended = sessions.endAllFor(party.id(), EndReason.TRUST_LOWERED);
        }
        audit.recordDone(operatorAccountId, "trust.change", party.toString(), source,
                old + " -> " + level + "; sessions ended: " + ended + "; why: " + why);
        return change;
    }

    public List<TrustChange> history(String partyKey) {
        PartyRef party = parseParty(partyKey, new LinkedHashMap<>());
        return em.createQuery("select c from TrustChange c where c.partyKind = :k and c.partyId = :i"
                        + " order by c.changedAt desc", TrustChange.class)
                .setParameter("k", party.kind()).setParameter("i", party.id()).getResultList();
    }

    public List<TrustChange> latestChanges(int limit) {
        return em.createQuery("select c from TrustChange c order by c.changedAt desc", TrustChange.class)
                .setMaxResults(limit).getResultList();
    }

    /** Every party with its level, for the console: users, organisations, processing operators. */
    public List<PartyView> parties() {
        var out = new ArrayList<PartyView>();
        em.createQuery("select a from Account a order by a.loginName", Account.class).getResultStream()
                .map(a -> new PartyView(PartyKind.USER, a.id().value(), a.displayName() + " (" + a.loginName() + ")",
                        a.status().name(), a.trustLevel()))
                .forEach(out::add);
        em.createQuery("select o from Organisation o order by o.name", Organisation.class).getResultStream()
                .map(o -> new PartyView(PartyKind.ORGANISATION, o.id(), o.name(), "ACTIVE", o.trustLevel()))
                .forEach(out::add);
        em.createQuery("select o from ProcessingOperator o", ProcessingOperator.class).getResultStream()
                .map(o -> new PartyView(PartyKind.OPERATOR, o.id(), o.displayName(), o.step().name(), o.trustLevel()))
                .forEach(out::add);
        return out;
    }

    /** Registers an organisation in the directory, at level LOW. */
    public Organisation registerOrganisation(String operatorAccountId, String name, String email, String source) {
        var errors = new LinkedHashMap<String, String>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 128 || n.chars().anyMatch(Character::isISOControl) || n.matches(".*[<>].*")) {
            errors.put("name", "Name: 1 to 128 characters, no control characters.");
        } else if (!em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
                .setParameter("n", n).getResultList().isEmpty()) {
            errors.put("name", "Name: an organisation with this name exists.");
        }
        var mail = EmailAddress.parse(email);
        if (mail.isEmpty()) {
            errors.put("email", EmailAddress.RULE);
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        var o = new Organisation(n, mail.get().value(), time.now());
        em.persist(o);
        audit.recordDone(operatorAccountId, "organisation.registered", o.id(), source, n);
        return o;
    }

    static PartyRef parseParty(String key, java.util.Map<String, String> errors) {
        if (key != null && key.length() <= 80 && key.indexOf(':') > 0) {
            try {
                var kind = PartyKind.valueOf(key.substring(0, key.indexOf(':')));
                String id = key.substring(key.indexOf(':') + 1);
                if (Ids.looksLikeId(id) || (kind == PartyKind.OPERATOR && id.matches("op-[a-z]{3,12}"))) {
                    return new PartyRef(kind, id);
                }
            } catch (IllegalArgumentException ignored) {
                // falls through to the field error
            }
        }
        errors.put("party", "Party: choose a party from the list.");
        return new PartyRef(PartyKind.USER, "invalid");
    }
}
