package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.token.VerifiedToken;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.TimeSource;
import org.domicile.platform.TimeSourceClock;
import org.domicile.trust.application.CertificationServer;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The processing operators' side of a step, for the operators built into the service: each
 * verifies the certification server's ORDER (signature and issuer), acknowledges it with its own
 * key and, once its work is done, signs a RETURN naming the digest of its output. Every operator
 * has its own key pair and certificate (in the key store); none can sign for another.
 */
@ApplicationScoped
public class OperatorDesk {

    @Inject
    KeyVault vault;

    @EJB
    CertificationServer certification;

    @Inject
    TimeSource time;

    private final Map<String, CmsSigner> signers = new ConcurrentHashMap<>();

    /**
     * The operator opens the ORDER: the signature must verify against the CA and the signer must be
     * the certification server; the order must be addressed to this operator and step.
     *
     * @throws IllegalStateException if it is not a valid order for this operator
     */
    public VerifiedToken receive(ProcessingStep step, byte[] order) {
        VerifiedToken opened = CertificationTokens.open(order, certification.verifier());
        if (!opened.signer().equals(certification.certificate())) {
            throw new IllegalStateException("the ORDER was not signed by the certification server");
        }
        if (!opened.content().operator().equals(step.operatorId()) || !opened.content().step().equals(step.name())) {
            throw new IllegalStateException("the ORDER is not for " + step.operatorId());
        }
        return opened;
    }

    /** A token as signed, with its id. */
    public record Signed(String tokenId, byte[] bytes) {
    }

    /** The signed ACKNOWLEDGEMENT of an opened order. */
    public Signed acknowledge(ProcessingStep step, VerifiedToken order, Instant now) {
        TokenContent ack = order.content().acknowledgement(CertificationTokens.newTokenId(), order.digest(), now);
        return new Signed(ack.tokenId(), CertificationTokens.sign(ack, signer(step)));
    }

    /** The signed RETURN: the operator did the work whose output has {@code outputDigest}. */
    public Signed returnFor(ProcessingStep step, VerifiedToken order, String outputDigest, List<String> algorithms,
                            Instant now) {
        TokenContent ret = returnContent(step, order, outputDigest, algorithms, now);
        return new Signed(ret.tokenId(), CertificationTokens.sign(ret, signer(step)));
    }

    /** What the RETURN says (a seam: tests of the certification server's checks change it). */
    protected TokenContent returnContent(ProcessingStep step, VerifiedToken order, String outputDigest,
                                         List<String> algorithms, Instant now) {
        return order.content().returnOf(CertificationTokens.newTokenId(), order.digest(), outputDigest, algorithms,
                now);
    }

    /** The operator's signer (a seam: tests sign with another key). */
    protected CmsSigner signer(ProcessingStep step) {
        return signers.computeIfAbsent(step.operatorId(), id -> {
            var entry = vault.get(id).orElseThrow(() -> new IllegalStateException("no key for operator " + id));
            return new CmsSigner(entry.key(), entry.chain()[0], new TimeSourceClock(time));
        });
    }
}
