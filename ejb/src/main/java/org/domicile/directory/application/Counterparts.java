package org.domicile.directory.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.directory.domain.Counterpart;
import org.domicile.platform.BadInputException;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.TimeSource;

/** The counterparts of one office: added from the directory, removed at will. */
@Stateless
public class Counterparts {

    public static final int MAX_COUNTERPARTS = 500;

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    Directory directory;

    @Inject
    TimeSource time;

    public List<DirectoryEntry> of(String officeId) {
        return em.createQuery("select c from Counterpart c where c.officeId = :o", Counterpart.class)
                .setParameter("o", officeId).getResultStream()
                .map(c -> directory.find(c.party()).orElse(
                        new DirectoryEntry(c.party().kind(), c.party().id(), "(no longer in the directory)",
                                org.domicile.certification.trust.TrustLevel.NONE)))
                .sorted(Comparator.comparing(DirectoryEntry::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Adds a party by its directory key ("USER:id"). Adding one already there changes nothing. */
    public DirectoryEntry add(String officeId, String partyKey) {
        PartyRef party = parse(partyKey);
        if (party.kind() == PartyKind.USER && party.id().equals(officeId)) {
            throw new BadInputException("counterpart", "You cannot add yourself as a counterpart.");
        }
        DirectoryEntry entry = directory.find(party)
                .orElseThrow(() -> new NotFoundException("This party is not in the directory."));
        if (em.find(Counterpart.class, new Counterpart.Key(officeId, party)) == null) {
            long count = em.createQuery("select count(c) from Counterpart c where c.officeId = :o", Long.class)
                    .setParameter("o", officeId).getSingleResult();
            if (count >= MAX_COUNTERPARTS) {
                throw new BadInputException("counterpart", "You already have " + MAX_COUNTERPARTS
                        + " counterparts. Remove some first.");
            }
            em.persist(new Counterpart(officeId, party, time.now()));
        }
        return entry;
    }

    public void remove(String officeId, String partyKey) {
        PartyRef party = parse(partyKey);
        Counterpart c = em.find(Counterpart.class, new Counterpart.Key(officeId, party));
        if (c == null) {
            throw new NotFoundException("This party is not one of your counterparts.");
        }
        em.remove(c);
    }

    static PartyRef parse(String key) {
        if (key == null || key.length() > 80) {
            throw new BadInputException("counterpart", "Choose a party from the directory.");
        }
        int colon = key.indexOf(':');
        try {
            PartyKind kind = PartyKind.valueOf(key.substring(0, Math.max(0, colon)));
            String id = key.substring(colon + 1);
            if (kind == PartyKind.OPERATOR || !org.domicile.platform.Ids.looksLikeId(id)) {
                throw new IllegalArgumentException(key);
            }
            return new PartyRef(kind, id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("counterpart", "Choose a party from the directory.");
        }
    }
}
