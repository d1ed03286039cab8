package org.domicile.directory.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.directory.domain.Organisation;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.identity.domain.Role;
import org.domicile.platform.BadInputException;

/**
 * Searches users and organisations by name, login name or exact e-mail address. Answers show
 * no phone numbers or e-mail addresses, and are capped, so the directory cannot be harvested.
 */
@Stateless
public class Directory {

    public static final int MAX_RESULTS = 20;

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    /**
     * What {@link #search} finds for the user {@code searcherAccountId}, without himself: he can be
     * neither his own counterpart nor his own recipient.
     */
    public List<DirectoryEntry> searchFrom(String searcherAccountId, String text) {
        PartyRef self = new PartyRef(PartyKind.USER, searcherAccountId);
        return search(text).stream().filter(e -> !e.party().equals(self)).toList();
    }

    public List<DirectoryEntry> search(String text) {
        String q = text == null ? "" : text.strip();
        if (q.length() < 2 || q.length() > 100) {
            throw new BadInputException("query", "Search: type 2 to 100 characters of a name or an e-mail address.");
        }
        var result = new ArrayList<DirectoryEntry>();
        accounts.search(q, MAX_RESULTS).stream()
                .filter(a -> a.role() == Role.USER)
                .map(Directory::entry).forEach(result::add);
        String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        em.createQuery("select o from Organisation o where lower(o.name) like :p escape '\\' or lower(o.email) = :e"
                        + " order by o.name", Organisation.class)
                .setParameter("p", pattern).setParameter("e", q.toLowerCase(Locale.ROOT))
                .setMaxResults(MAX_RESULTS).getResultStream()
                .map(Directory::entry).forEach(result::add);
        result.sort(Comparator.comparing(DirectoryEntry::displayName, String.CASE_INSENSITIVE_ORDER));
        return result.size() > MAX_RESULTS ? List.copyOf(result.subList(0, MAX_RESULTS)) : result;
    }

    /** The entry of a party that may be a counterpart (an active user or an organisation). */
    public Optional<DirectoryEntry> find(PartyRef party) {
        return switch (party.kind()) {
            case USER -> Optional.ofNullable(em.find(Account.class, party.id()))
                    .filter(a -> a.status() == AccountStatus.ACTIVE && a.role() == Role.USER)
                    .map(Directory::entry);
            case ORGANISATION -> Optional.ofNullable(em.find(Organisation.class, party.id())).map(Directory::entry);
            case OPERATOR -> Optional.empty();
        };
    }

    static DirectoryEntry entry(Account a) {
        return new DirectoryEntry(PartyKind.USER, a.id().value(), a.displayName(), a.trustLevel());
    }

    static DirectoryEntry entry(Organisation o) {
        return new DirectoryEntry(PartyKind.ORGANISATION, o.id(), o.name(), o.trustLevel());
    }
}
