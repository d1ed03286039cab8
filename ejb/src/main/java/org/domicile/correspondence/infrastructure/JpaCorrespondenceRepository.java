package org.domicile.correspondence.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domicile.correspondence.domain.AttachmentContent;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.correspondence.domain.SealedContent;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;

/** Correspondence in the relational database; attachment bytes in their own table. */
@ApplicationScoped
public class JpaCorrespondenceRepository implements CorrespondenceRepository {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Override
    public Optional<Correspondence> find(CorrespondenceId id) {
        return Optional.ofNullable(em.find(Correspondence.class, id.value()));
    }

    /**
     * A list line of correspondence {@code c}: the counts as sub-selects, since a join would drop the
     * line of a correspondence without attachments. Read by {@link #summary(Object[])}.
     */
    private static final String SUMMARY = "select c.id, c.kind, c.subject, c.status, c.updatedAt,"
            + " (select count(r) from Correspondence c2 join c2.recipients r where c2.id = c.id),"
            + " (select count(a) from Attachment a where a.correspondence.id = c.id)"
            + " from Correspondence c";

    @Override
    public Optional<CorrespondenceSummary> summaryOf(CorrespondenceId id, AccountId sender) {
        return em.createQuery(SUMMARY + " where c.id = :id and c.senderId = :s", Object[].class)
                .setParameter("id", id.value()).setParameter("s", sender.value())
                .getResultStream().findFirst().map(JpaCorrespondenceRepository::summary);
    }

    @Override
    public Map<String, Correspondence> findAll(Collection<String> ids) {
        var found = new HashMap<String, Correspondence>();
        if (!ids.isEmpty()) {
            em.createQuery("select c from Correspondence c where c.id in :ids", Correspondence.class)
                    .setParameter("ids", List.copyOf(ids)).getResultList()
                    .forEach(c -> found.put(c.id().value(), c));
        }
        return found;
    }

    @Override
    public Optional<Correspondence> lock(CorrespondenceId id) {
        return Optional.ofNullable(em.find(Correspondence.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(Correspondence correspondence) {
        em.persist(correspondence);
    }

    @Override
    public void remove(Correspondence correspondence) {
        // Contents first: they refer to the attachment rows the removal of the correspondence deletes.
        correspondence.attachments().forEach(a -> removeContent(a.id()));
        em.flush();
        em.remove(correspondence);
    }

    @Override
    public void storeContent(AttachmentContent content) {
        // The attachment row must exist before the content that refers to it; nothing maps the
        // two together (so that loading an attachment never loads its bytes), hence the flush.
        em.flush();
        em.persist(content);
    }

    @Override
    public Optional<AttachmentContent> content(String attachmentId) {
        return Optional.ofNullable(em.find(AttachmentContent.class, attachmentId));
    }

    @Override
    public void removeContent(String attachmentId) {
        content(attachmentId).ifPresent(c -> {
            em.remove(c);
            em.flush();
        });
    }

    @Override
    public void storeSealed(SealedContent content) {
        em.persist(content);
    }

    @Override
    public Optional<SealedContent> sealed(CorrespondenceId id) {
        return Optional.ofNullable(em.find(SealedContent.class, id.value()));
    }

    @Override
    public void lockOffice(AccountId sender) {
        em.find(Account.class, sender.value(), LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public long attachmentBytesInDrafts(AccountId sender) {
        Number sum = em.createQuery("select sum(a.sizeBytes) from Attachment a join a.correspondence c"
                        + " where c.senderId = :s and c.status in :editable", Number.class)
                .setParameter("s", sender.value())
                .setParameter("editable", editableStates())
                .getSingleResult();
        return sum == null ? 0 : sum.longValue();
    }

    @Override
    public List<CorrespondenceSummary> ofSender(AccountId sender, List<CorrespondenceStatus> states, int limit) {
        return em.createQuery(SUMMARY + " where c.senderId = :s and c.status in :states"
                        + " order by c.updatedAt desc, c.id", Object[].class)
                .setParameter("s", sender.value())
                .setParameter("states", states)
                .setMaxResults(limit)
                .getResultStream().map(JpaCorrespondenceRepository::summary).toList();
    }

    private static CorrespondenceSummary summary(Object[] row) {
        return new CorrespondenceSummary(new CorrespondenceId((String) row[0]), (CorrespondenceKind) row[1],
                (String) row[2], (CorrespondenceStatus) row[3], ((Number) row[5]).intValue(),
                ((Number) row[6]).intValue(), Instant.ofEpochMilli(((Number) row[4]).longValue()));
    }

    private static List<CorrespondenceStatus> editableStates() {
        return Arrays.stream(CorrespondenceStatus.values()).filter(CorrespondenceStatus::isEditable).toList();
    }
}
