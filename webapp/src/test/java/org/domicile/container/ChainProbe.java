package org.domicile.container;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What an auditor would read in the tables of the processing chain, as committed: the stored form
 * of a correspondence's content and what is left of its plain text. One transaction per call.
 */
@Stateless
public class ChainProbe {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    /** The bytes stored in protected_content for a correspondence, if the PROTECT step stored any. */
    public Optional<byte[]> protectedContent(String correspondenceId) {
        List<?> rows = em.createNativeQuery("select bytes from protected_content where correspondence_id = ?1")
                .setParameter(1, correspondenceId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    /** The text column of the correspondence row, as stored. */
    public String storedBody(String correspondenceId) {
        return String.valueOf(em.createNativeQuery("select body from correspondence where id = ?1")
                .setParameter(1, correspondenceId).getSingleResult());
    }

    /** The ids of a correspondence's attachments. */
    public List<String> attachmentIds(String correspondenceId) {
        return em.createNativeQuery("select id from attachment where correspondence_id = ?1 order by seq")
                .setParameter(1, correspondenceId).getResultList().stream().map(String::valueOf).toList();
    }
}
