package org.domicile.certification.evidence;

import java.util.Arrays;

/**
 * An evidence record as kept and exported: the CMS SignedData of its JSON (.p7m) and the RFC 3161
 * time-stamp token over the SHA-256 of those CMS bytes (.tst).
 *
 * @param cms       DER CMS SignedData encapsulating the record's canonical JSON
 * @param timestamp DER TimeStampToken whose imprint is SHA-256(cms)
 */
public record SignedEvidence(byte[] cms, byte[] timestamp) {

    public SignedEvidence {
        if (cms == null || cms.length == 0 || timestamp == null || timestamp.length == 0) {
            throw new IllegalArgumentException("signed evidence needs both its CMS and its time-stamp token");
        }
        cms = cms.clone();
        timestamp = timestamp.clone();
    }

    /** A copy of the CMS bytes. */
    @Override
    public byte[] cms() {
        return cms.clone();
    }

    /** A copy of the time-stamp token bytes. */
    @Override
    public byte[] timestamp() {
        return timestamp.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEvidence that && Arrays.equals(cms, that.cms)
                && Arrays.equals(timestamp, that.timestamp);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cms) + Arrays.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "SignedEvidence[cms=" + cms.length + " bytes, timestamp=" + timestamp.length + " bytes]";
    }
}
