package org.domicile.certification.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

import org.domicile.certification.signing.SignatureCheck;

/**
 * A {@link TrustDecision} with the certification server's signature over its canonical bytes and the
 * certificate of the key that signed it. Relying parties must call {@link #verify} before acting on it.
 *
 * @param decision  the decision
 * @param signature DER-encoded SHA256withECDSA signature of {@code decision.canonicalBytes()}
 * @param signer    the certificate of the signing key
 */
public record SignedTrustDecision(TrustDecision decision, byte[] signature, X509Certificate signer) {

    public SignedTrustDecision {
        if (decision == null || signature == null || signer == null) {
            throw new IllegalArgumentException("a signed decision needs a decision, a signature and a signer");
        }
        signature = signature.clone();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * True only if the decision was signed by the given certification server certificate: the signer is
     * exactly that certificate and the signature over the canonical bytes verifies.
     */
    public boolean verify(X509Certificate trustedCertificationServerCert) {
        if (trustedCertificationServerCert == null) {
            return false;
        }
        try {
            // Compare encodings: certificate objects from different providers may not be equals().
            if (!Arrays.equals(signer.getEncoded(), trustedCertificationServerCert.getEncoded())) {
                return false;
            }
        } catch (CertificateEncodingException e) {
            return false;
        }
        return SignatureCheck.verify(trustedCertificationServerCert, decision.canonicalBytes(), signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTrustDecision that
                && decision.equals(that.decision)
                && Arrays.equals(signature, that.signature)
                && signer.equals(that.signer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, Arrays.hashCode(signature), signer);
    }

    @Override
    public String toString() {
        return "SignedTrustDecision[decisionId=" + decision.decisionId() + ", granted=" + decision.granted()
                + ", signerSerial=" + signer.getSerialNumber().toString(16) + "]";
    }
}
