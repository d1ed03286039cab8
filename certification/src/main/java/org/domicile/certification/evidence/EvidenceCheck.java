package org.domicile.certification.evidence;

import java.time.Instant;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.tsa.TimeStampCheck;
import org.domicile.certification.tsa.TimeStampException;

/**
 * Verifies signed evidence against the CA, as a relying party would offline: the CMS signature and signer
 * certificate, the record's JSON, and the time stamp over the SHA-256 of the CMS bytes (rule 20, 21).
 *
 * <p>Thread-safe.
 */
public final class EvidenceCheck {

    private final CmsVerifier verifier;

    /** @param verifier verifies the CMS against the trusted CA, whose certificate also checks the TSA */
    public EvidenceCheck(CmsVerifier verifier) {
        if (verifier == null) {
            throw new IllegalArgumentException("evidence check needs a CMS verifier");
        }
        this.verifier = verifier;
    }

    /**
     * Verifies both parts and returns the record with who signed it and when it was stamped.
     *
     * @throws CmsException             if the signature part does not verify
     * @throws TimeStampException       if the time stamp does not verify or stamps other bytes
     * @throws IllegalArgumentException if the signed content is not valid evidence JSON
     */
    public VerifiedEvidence verify(SignedEvidence evidence) {
        if (evidence == null) {
            throw new IllegalArgumentException("signed evidence must not be null");
        }
        byte[] cms = evidence.cms();
        CmsVerifier.Verified signed = verifier.verify(cms);
        EvidenceRecord record = EvidenceRecord.fromJson(signed.content());
        Instant stampedAt = TimeStampCheck.verify(evidence.timestamp(), Sha256.of(cms), verifier.trustedCa());
        return new VerifiedEvidence(record, signed.signer(), signed.signingTime(), stampedAt);
    }
}
