package org.domicile.archive.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.domicile.correspondence.application.RecipientBook;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.delivery.domain.Delivery;
import org.domicile.delivery.domain.DeliveryStatus;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;

/**
 * An office's archive: what it sent (from submission on) and what it received, newest first,
 * filtered by counterpart, date, subject (where visible), kind and status. Nothing here changes a
 * correspondence: archived correspondence has no operation that would.
 */
@Stateless
public class Archive {

    /** The newest this many of each direction are searched. */
    static final int WINDOW = 2000;
    static final String KIND_RULE = "Kind: choose SIMPLE, REGISTERED or REGISTERED_WITH_ACKNOWLEDGEMENT.";
    static final String DATES_RULE = "Dates: the first day must not be after the last.";

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    RecipientBook recipients;

    @Inject
    DomicileSettings settings;

    public List<ArchiveEntry> search(String accountId, ArchiveQuery q) {
        Account me = (Ids.looksLikeId(accountId) ? accounts.find(new AccountId(accountId)) : Optional.<Account>empty())
                .orElseThrow(() -> new DomicileException("Your session has ended. Please log in again."));
        if (q.kind().filter(k -> !k.isBlank()).isPresent() && CorrespondenceKind.parse(q.kind().get()).isEmpty()) {
            throw new BadInputException("kind", KIND_RULE);
        }
        if (q.from().isPresent() && q.to().isPresent() && q.from().get().isAfter(q.to().get())) {
            throw new BadInputException("from", DATES_RULE);
        }
        var entries = new ArrayList<ArchiveEntry>();
        List<Correspondence> sent = em.createQuery("select c from Correspondence c where c.senderId = :me"
                        + " and c.status not in :drafts order by c.submittedAt desc", Correspondence.class)
                .setParameter("me", me.id().value())
                .setParameter("drafts", List.of(CorrespondenceStatus.DRAFT, CorrespondenceStatus.VALIDATED))
                .setMaxResults(WINDOW).getResultList();
        for (Correspondence c : sent) {
            entries.add(new ArchiveEntry(c.id().value(), "SENT",
                    c.recipients().stream().map(r -> recipients.view(r).displayName()).toList(),
                    Optional.of(c.subject().value()), c.kind(), c.status().name(),
                    c.submittedAt().orElse(c.updatedAt()), c.archivedAt(), c.retainUntil()));
        }
        List<Delivery> received = em.createQuery("select d from Delivery d where d.recipientId = :me"
                + " order by d.deliveredAt desc", Delivery.class).setParameter("me", me.id().value())
                .setMaxResults(WINDOW).getResultList();
        for (Delivery d : received) {
            Correspondence c = em.find(Correspondence.class, d.correspondenceId());
            if (c == null) {
                continue;
            }
            boolean visible = d.status() == DeliveryStatus.ACCEPTED || !settings.hidesSenderAndSubject(c.kind().name());
            List<String> from = visible ? accounts.find(c.sender()).map(a -> List.of(a.displayName())).orElse(List.of())
                    : List.of();
            entries.add(new ArchiveEntry(c.id().value(), "RECEIVED", from,
                    visible ? Optional.of(c.subject().value()) : Optional.empty(), c.kind(), d.status().name(),
                    d.deliveredAt(), c.archivedAt(), c.retainUntil()));
        }
        return entries.stream().filter(e -> matches(e, q)).sorted(Comparator.comparing(ArchiveEntry::date).reversed())
                .toList();
    }

    private static boolean matches(ArchiveEntry e, ArchiveQuery q) {
        if (q.counterpart().filter(s -> !s.isBlank()).map(s -> e.counterparts().stream()
                .noneMatch(n -> contains(n, s))).orElse(false)) {
            return false;
        }
        if (q.subject().filter(s -> !s.isBlank()).map(s -> e.subject().map(v -> !contains(v, s)).orElse(true))
                .orElse(false)) {
            return false;
        }
        if (q.kind().filter(s -> !s.isBlank()).map(k -> !e.kind().name().equalsIgnoreCase(k.strip())).orElse(false)) {
            return false;
        }
        if (q.status().filter(s -> !s.isBlank()).map(s -> !e.status().equalsIgnoreCase(s.strip())).orElse(false)) {
            return false;
        }
        var day = e.date().atOffset(ZoneOffset.UTC).toLocalDate();
        if (q.from().map(day::isBefore).orElse(false) || q.to().map(day::isAfter).orElse(false)) {
            return false;
        }
        return true;
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }
}
