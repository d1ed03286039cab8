package org.domicile.trust.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.SignedTrustDecision;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.certification.trust.TrustQuery;
import org.domicile.trust.domain.TrustDecisionRecord;

/**
 * The domiciliation server's side of the trust check (SPEC §2.1): asks the certification server,
 * verifies the signature against the pinned certificate, keeps the decision. Fails closed
 * (SECURITY-BASELINE 9): no answer, a bad signature or any error is a refusal.
 */
@ApplicationScoped
public class TrustCheck {

    private static final Logger LOG = Logger.getLogger(TrustCheck.class.getName());

    @EJB
    CertificationServer certification;

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    public TrustVerdict check(TrustLevel required, List<PartyRef> parties, String purpose) {
        SignedTrustDecision signed;
        try {
            signed = certification.decide(new TrustQuery(required, parties, purpose));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Certification server did not answer a trust query; refusing", e);
            return TrustVerdict.refused("The certification server cannot be reached.");
        }
        return accept(signed);
    }

    TrustVerdict accept(SignedTrustDecision signed) {
        if (signed == null || !signed.verify(certification.certificate())) {
            LOG.warning("Trust decision with an invalid signature refused");
            return TrustVerdict.refused("The certification server's answer could not be verified.");
        }
        em.persist(new TrustDecisionRecord(signed));
        var d = signed.decision();
        return new TrustVerdict(d.granted(), d.decisionId(), d.shortfalls(),
                d.granted() ? null : d.reason());
    }
}
