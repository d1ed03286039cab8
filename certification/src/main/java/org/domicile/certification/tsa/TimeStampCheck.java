package org.domicile.certification.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.domicile.certification.signing.Crypto;

/**
 * Verifies an RFC 3161 time-stamp token of the operator's TSA (SECURITY-BASELINE rule 20): the imprint is
 * the expected SHA-256, the nonce is present (and the requested one when given), the policy is
 * {@link TimeStampAuthority#POLICY_OID}, the TSA certificate is in the token, was issued by the trusted CA,
 * has the critical id-kp-timeStamping extended key usage and no other, was valid at genTime, and the
 * signature and its ESSCertIDv2 reference verify.
 */
public final class TimeStampCheck {

    private TimeStampCheck() {
    }

    /**
     * Verifies {@code token} over {@code expectedImprint}, any nonce.
     *
     * @return the time stamped (genTime)
     * @throws TimeStampException with the reason of the first check that failed
     */
    public static Instant verify(byte[] token, byte[] expectedImprint, X509Certificate ca) {
        return verify(token, expectedImprint, null, ca);
    }

    /**
     * Verifies {@code token} over {@code expectedImprint} and, unless {@code expectedNonce} is null, that it
     * carries that nonce.
     *
     * @return the time stamped (genTime)
     * @throws TimeStampException with the reason of the first check that failed
     */
    public static Instant verify(byte[] token, byte[] expectedImprint, BigInteger expectedNonce, X509Certificate ca) {
        if (expectedImprint == null || ca == null) {
            throw new IllegalArgumentException("checking a time stamp needs the expected imprint and the CA certificate");
        }
        try {
            return check(token, expectedImprint, expectedNonce, ca);
        } catch (TimeStampException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle reads parts lazily and reports malformed ones with unchecked exceptions.
            throw new TimeStampException(TimeStampException.Reason.MALFORMED,
                    "unreadable time-stamp token: " + e.getMessage(), e);
        }
    }

    private static Instant check(byte[] token, byte[] expectedImprint, BigInteger expectedNonce, X509Certificate ca) {
        TimeStampToken timeStamp = parse(token);
        TimeStampTokenInfo info = timeStamp.getTimeStampInfo();

        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new TimeStampException(TimeStampException.Reason.UNSUPPORTED_ALGORITHM,
                    "imprint algorithm " + info.getMessageImprintAlgOID() + " is not SHA-256");
        }
        if (!MessageDigest.isEqual(expectedImprint, info.getMessageImprintDigest())) {
            throw new TimeStampException(TimeStampException.Reason.IMPRINT_MISMATCH,
                    "the token does not stamp this data (message imprint differs)");
        }
        if (info.getNonce() == null) {
            throw new TimeStampException(TimeStampException.Reason.NONCE_MISSING, "the token carries no nonce");
        }
        if (expectedNonce != null && !expectedNonce.equals(info.getNonce())) {
            throw new TimeStampException(TimeStampException.Reason.NONCE_MISMATCH,
                    "nonce " + info.getNonce() + " is not the requested " + expectedNonce);
        }
        if (!TimeStampAuthority.POLICY.equals(info.getPolicy())) {
            throw new TimeStampException(TimeStampException.Reason.POLICY_MISMATCH,
                    "policy " + info.getPolicy() + " is not " + TimeStampAuthority.POLICY_OID);
        }
        SignerInformation signerInfo = timeStamp.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signerInfo.getDigestAlgOID())
                || !X9ObjectIdentifiers.ecdsa_with_SHA256.getId().equals(signerInfo.getEncryptionAlgOID())) {
            throw new TimeStampException(TimeStampException.Reason.UNSUPPORTED_ALGORITHM,
                    "signature is not ecdsa-with-SHA256 over SHA-256");
        }

        X509Certificate tsa = tsaCertificate(timeStamp);
        Instant genTime = info.getGenTime().toInstant();
        checkIssuedBy(tsa, ca);
        if (!TimeStampAuthority.isTimeStampingOnly(tsa)) {
            throw new TimeStampException(TimeStampException.Reason.NOT_A_TIME_STAMPING_CERTIFICATE,
                    "TSA certificate " + tsa.getSubjectX500Principal() + " lacks the critical extended key usage "
                            + "id-kp-timeStamping as its only usage");
        }
        try {
            tsa.checkValidity(Date.from(genTime));
            ca.checkValidity(Date.from(genTime));
        } catch (CertificateException e) {
            throw new TimeStampException(TimeStampException.Reason.TSA_NOT_VALID,
                    "TSA or CA certificate not valid at the stamped time " + genTime, e);
        }
        try {
            timeStamp.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.provider()).build(tsa));
        } catch (TSPValidationException e) {
            throw new TimeStampException(TimeStampException.Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            throw new TimeStampException(TimeStampException.Reason.BAD_SIGNATURE,
                    "the signature does not verify: " + e.getMessage(), e);
        }
        return genTime;
    }

    private static TimeStampToken parse(byte[] token) {
        if (token == null || token.length == 0) {
            throw new TimeStampException(TimeStampException.Reason.MALFORMED, "no time-stamp token");
        }
        try {
            return new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new TimeStampException(TimeStampException.Reason.MALFORMED,
                    "not an RFC 3161 TimeStampToken: " + e.getMessage(), e);
        }
    }

    private static X509Certificate tsaCertificate(TimeStampToken timeStamp) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = timeStamp.getCertificates().getMatches(timeStamp.getSID());
        if (matches.isEmpty()) {
            throw new TimeStampException(TimeStampException.Reason.TSA_CERTIFICATE_MISSING,
                    "the TSA certificate is not included in the token");
        }
        try {
            return new JcaX509CertificateConverter().setProvider(Crypto.provider())
                    .getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            throw new TimeStampException(TimeStampException.Reason.MALFORMED, "unreadable TSA certificate", e);
        }
    }

    private static void checkIssuedBy(X509Certificate tsa, X509Certificate ca) {
        if (!tsa.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new TimeStampException(TimeStampException.Reason.UNTRUSTED_TSA,
                    "TSA certificate issuer " + tsa.getIssuerX500Principal() + " is not the trusted CA");
        }
        try {
            tsa.verify(ca.getPublicKey(), Crypto.provider());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TimeStampException(TimeStampException.Reason.UNTRUSTED_TSA,
                    "TSA certificate was not signed by the trusted CA's key", e);
        }
    }
}
