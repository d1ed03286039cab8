package org.domicile.certification.evidence;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Evidence whose signature and time stamp verified.
 *
 * @param record        what the evidence says
 * @param signer        the certificate that signed it
 * @param signedAt      the CMS signingTime (claimed by the signer, seconds)
 * @param timeStampedAt the TSA's genTime: the evidence existed at this time
 */
public record VerifiedEvidence(EvidenceRecord record, X509Certificate signer, Instant signedAt, Instant timeStampedAt) {
}
