package org.domicile.certification.evidence;

import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.tsa.TimeStampAuthority;

/**
 * Issues evidence (SECURITY-BASELINE rule 21): signs the record's canonical JSON as CMS with the
 * certification operator's key, then time-stamps the SHA-256 of the whole CMS file.
 *
 * <p>Thread-safe.
 */
public final class EvidenceIssuer {

    private final CmsSigner signer;
    private final TimeStampAuthority timeStamps;

    public EvidenceIssuer(CmsSigner signer, TimeStampAuthority timeStamps) {
        if (signer == null || timeStamps == null) {
            throw new IllegalArgumentException("an evidence issuer needs a signer and a time-stamping authority");
        }
        this.signer = signer;
        this.timeStamps = timeStamps;
    }

    /** The signed and time-stamped record. */
    public SignedEvidence issue(EvidenceRecord record) {
        if (record == null) {
            throw new IllegalArgumentException("evidence record must not be null");
        }
        byte[] cms = signer.sign(record.toJson());
        return new SignedEvidence(cms, timeStamps.stamp(Sha256.of(cms)));
    }
}
