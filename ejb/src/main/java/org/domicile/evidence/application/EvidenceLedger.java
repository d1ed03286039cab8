package org.domicile.evidence.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.EvidenceRecord;
import org.domicile.certification.evidence.PartyAssurance;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.evidence.domain.EvidenceEntry;
import org.domicile.platform.Ids;
import org.domicile.trust.application.CertificationServer;

/**
 * Issues the evidence of an event in the caller's transaction: the record is signed and
 * time-stamped by the certification operator and stored with the next number of its
 * correspondence. If the caller's work rolls back, the evidence is not kept either, so there is
 * never evidence of an event that did not happen, nor twice of one that did (the number is unique).
 */
@Stateless
public class EvidenceLedger {

    /** How users authenticate to open a session (SPEC §2): password, then a code sent by SMS. */
    public static final String USER_AUTHENTICATION = "password+sms-otp";

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    CertificationServer certification;

    /** What an event is about. {@code recipientId} is set when it concerns one recipient only. */
    public record Event(String correspondenceId, EvidenceEvent event, Instant at, String senderId,
                        List<String> recipientIds, Map<String, String> contentDigests,
                        List<PartyAssurance> assurance, String reason, String recipientId) {
    }

    public EvidenceEntry issue(Event e) {
        var record = new EvidenceRecord(Ids.newId(), e.event(), e.at(), CertificationTokens.CERTIFICATION_SERVER,
                e.correspondenceId(), e.senderId(), e.recipientIds(), e.contentDigests(), e.assurance(),
                e.reason() == null ? "" : e.reason());
        var signed = certification.issue(record);
        // Evidence of one correspondence is numbered one record at a time: the chain, the
        // recipients' answers and the notices' outcomes may issue at the same moment.
        em.createNativeQuery("select id from correspondence where id = ? for update")
                .setParameter(1, e.correspondenceId()).getResultList();
        long existing = em.createQuery("select count(v) from EvidenceEntry v where v.correspondenceId = :c", Long.class)
                .setParameter("c", e.correspondenceId()).getSingleResult();
        var entry = new EvidenceEntry(record.evidenceId(), e.correspondenceId(), (int) existing + 1, e.event(), e.at(),
                e.recipientId(), signed);
        em.persist(entry);
        em.flush();
        return entry;
    }

    /** Whether a record of this event concerning this recipient was already issued. */
    public boolean issued(String correspondenceId, EvidenceEvent event, String recipientId) {
        return em.createQuery("select count(v) from EvidenceEntry v where v.correspondenceId = :c and v.event = :e"
                        + " and v.recipientId = :r", Long.class).setParameter("c", correspondenceId)
                .setParameter("e", event.etsiName()).setParameter("r", recipientId).getSingleResult() > 0;
    }

    /** Every record of a correspondence, in the order issued. */
    public List<EvidenceEntry> of(String correspondenceId) {
        return em.createQuery("select v from EvidenceEntry v where v.correspondenceId = :c order by v.seq",
                EvidenceEntry.class).setParameter("c", correspondenceId).getResultList();
    }
}
