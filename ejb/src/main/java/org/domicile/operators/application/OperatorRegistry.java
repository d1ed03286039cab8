package org.domicile.operators.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.KeyStoreFile.KeyEntry;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.TimeSource;
import org.domicile.trust.application.CertificationServer;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The registered processing operators. At first start the built-in operator of every step is
 * registered with its own key pair (kept in the key store) and a certificate from the internal
 * CA. Operators sign certification tokens; the RFC 3161 tokens of the TIMESTAMP step are made with
 * the time-stamping authority's own key (see CertificationServer).
 */
@Stateless
public class OperatorRegistry {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    CertificationServer certification;

    @Inject
    KeyVault vault;

    @Inject
    TimeSource time;

    /** Registers the operators of the steps that have none yet; returns how many were added. */
    public int registerBuiltIns() {
        int added = 0;
        for (ProcessingStep step : ProcessingStep.values()) {
            if (em.find(ProcessingOperator.class, step.operatorId()) != null) {
                continue;
            }
            String name = "Domicile " + step.name().charAt(0) + step.name().substring(1).toLowerCase() + " operator";
            X509Certificate cert = vault.get(step.operatorId()).map(e -> e.chain()[0]).orElseGet(() -> {
                var keys = Crypto.newEcKeyPair();
                // Every operator signs tokens, so every one has a signing certificate; the
                // time-stamping operator stamps with the time-stamping authority's own key.
                var issued = certification.ca().issue(name, keys.getPublic(), CertificateProfile.SIGNING,
                        Duration.ofDays(3 * 365));
                vault.put(step.operatorId(), new KeyEntry(keys.getPrivate(),
                        new X509Certificate[] {issued, certification.caCertificate()}));
                return issued;
            });
            em.persist(new ProcessingOperator(step, name, TrustLevel.HIGH, pem(cert), time.now()));
            added++;
        }
        return added;
    }

    /** Every operator of the chain, as parties of a trust query, in step order. */
    public List<PartyRef> chainParties() {
        return List.of(ProcessingStep.values()).stream()
                .map(step -> new PartyRef(org.domicile.certification.trust.PartyKind.OPERATOR, step.operatorId()))
                .toList();
    }

    public List<ProcessingOperator> all() {
        return em.createQuery("select o from ProcessingOperator o", ProcessingOperator.class).getResultList()
                .stream().sorted(java.util.Comparator.comparing(ProcessingOperator::step)).toList();
    }

    static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
