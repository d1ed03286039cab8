package org.domicile.certification.bundle;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.domicile.certification.signing.Crypto;

/**
 * Checks an RFC 3161 time-stamp token over a file (Rule 20): SHA-256 imprint of the file's bytes, a nonce, the
 * TSA certificate included and equal to the expected one, with the time-stamping extended key usage alone and
 * critical, and the TSA's signature.
 */
final class TimeStampCheck {

    private TimeStampCheck() {
    }

    /**
     * @param token    the .tst bytes
     * @param data     the bytes that were time-stamped
     * @param dataName the stamped file's name, for messages
     * @param tsa      the expected TSA certificate (certificates/tsa.pem)
     * @return the time-stamped time (genTime)
     */
    static Instant verify(byte[] token, byte[] data, String dataName, X509Certificate tsa) throws VerificationProblem {
        TimeStampToken timeStamp;
        try {
            timeStamp = new TimeStampToken(ContentInfo.getInstance(ASN1Primitive.fromByteArray(token)));
        } catch (IOException | RuntimeException | org.bouncycastle.tsp.TSPException e) {
            throw new VerificationProblem("not a readable RFC 3161 time-stamp token (" + e.getMessage() + ")");
        }
        TimeStampTokenInfo info = timeStamp.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new VerificationProblem("message imprint algorithm " + info.getMessageImprintAlgOID()
                    + " is not SHA-256");
        }
        byte[] expected = Digests.sha256(data);
        if (!Arrays.equals(info.getMessageImprintDigest(), expected)) {
            throw new VerificationProblem("message imprint " + Digests.hex(info.getMessageImprintDigest())
                    + " is not the SHA-256 of " + dataName + " (" + Digests.hex(expected) + ")");
        }
        if (info.getNonce() == null) {
            throw new VerificationProblem("no nonce");
        }
        X509CertificateHolder tsaHolder;
        try {
            tsaHolder = new X509CertificateHolder(tsa.getEncoded());
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> included = timeStamp.getCertificates().getMatches(timeStamp.getSID());
            if (included.isEmpty()) {
                throw new VerificationProblem("the TSA certificate is not included");
            }
            if (!included.iterator().next().equals(tsaHolder)) {
                throw new VerificationProblem("the TSA certificate \"" + included.iterator().next().getSubject()
                        + "\" is not certificates/tsa.pem (\"" + tsaHolder.getSubject() + "\")");
            }
        } catch (VerificationProblem e) {
            throw e;
        } catch (Exception e) {
            throw new VerificationProblem("TSA certificate unreadable: " + e.getMessage());
        }
        requireTimeStampingOnly(tsaHolder);
        try {
            timeStamp.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.provider()).build(tsa));
        } catch (Exception e) {
            throw new VerificationProblem("TSA signature does not verify with certificates/tsa.pem ("
                    + e.getMessage() + ")");
        }
        return info.getGenTime().toInstant();
    }

    /** RFC 3161 section 2.3: extended key usage id-kp-timeStamping, the only one, marked critical. */
    static void requireTimeStampingOnly(X509CertificateHolder tsa) throws VerificationProblem {
        Extension extension = tsa.getExtension(Extension.extendedKeyUsage);
        if (extension == null) {
            throw new VerificationProblem("certificates/tsa.pem has no extended key usage");
        }
        if (!extension.isCritical()) {
            throw new VerificationProblem("certificates/tsa.pem: extended key usage is not critical");
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(extension.getParsedValue());
        if (usage.size() != 1 || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
            throw new VerificationProblem("certificates/tsa.pem: extended key usage is not id-kp-timeStamping alone");
        }
    }
}
