package org.domicile.certification.bundle;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.domicile.certification.signing.Crypto;

/**
 * A CMS SignedData file of the bundle (token or evidence record), opened and checked with BouncyCastle alone:
 * DER, content attached, exactly one signer, signed attributes, SHA-256 with ECDSA.
 */
final class SignedEnvelope {

    private final SignerInformation signer;
    private final byte[] content;
    private final X509CertificateHolder embeddedSigner;

    private SignedEnvelope(SignerInformation signer, byte[] content, X509CertificateHolder embeddedSigner) {
        this.signer = signer;
        this.content = content;
        this.embeddedSigner = embeddedSigner;
    }

    /** Parses and checks the structure; the signature is checked by {@link #verifySignedBy}. */
    static SignedEnvelope open(byte[] der) throws VerificationProblem {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new VerificationProblem("not ASN.1 (" + e.getMessage() + ")");
        }
        try {
            if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                throw new VerificationProblem("not DER-encoded (e.g. BER indefinite lengths); the contract is DER");
            }
            ContentInfo info = ContentInfo.getInstance(primitive);
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw new VerificationProblem("not a CMS SignedData (content type " + info.getContentType() + ")");
            }
            CMSSignedData data = new CMSSignedData(info);
            CMSProcessable signed = data.getSignedContent();
            if (signed == null || !(signed.getContent() instanceof byte[] bytes)) {
                throw new VerificationProblem("no attached content (detached signature)");
            }
            for (AlgorithmIdentifier digest : data.getDigestAlgorithmIDs()) {
                if (!NISTObjectIdentifiers.id_sha256.equals(digest.getAlgorithm())) {
                    throw new VerificationProblem("digest algorithm " + digest.getAlgorithm() + " is not SHA-256");
                }
            }
            Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new VerificationProblem(signers.size() + " signers, expected exactly 1");
            }
            SignerInformation signer = signers.iterator().next();
            if (signer.getSignedAttributes() == null) {
                throw new VerificationProblem("no signed attributes");
            }
            if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
                throw new VerificationProblem("signer digest algorithm " + signer.getDigestAlgOID()
                        + " is not SHA-256");
            }
            if (!X9ObjectIdentifiers.ecdsa_with_SHA256.getId().equals(signer.getEncryptionAlgOID())) {
                throw new VerificationProblem("signature algorithm " + signer.getEncryptionAlgOID()
                        + " is not ecdsa-with-SHA256");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
            X509CertificateHolder embedded = matches.isEmpty() ? null : matches.iterator().next();
            return new SignedEnvelope(signer, bytes, embedded);
        } catch (VerificationProblem e) {
            throw e;
        } catch (Exception e) {
            throw new VerificationProblem("not a readable CMS SignedData (" + e.getMessage() + ")");
        }
    }

    /** The signed content (eContent). */
    byte[] content() {
        return content;
    }

    /**
     * Checks that the signer certificate included in the file is {@code expected} and that the signature
     * verifies with {@code expected}'s key; {@code where} names the expected certificate's file.
     */
    void verifySignedBy(X509Certificate expected, String where) throws VerificationProblem {
        if (embeddedSigner == null) {
            throw new VerificationProblem("the signer certificate is not included");
        }
        try {
            if (!Arrays.equals(embeddedSigner.getEncoded(), expected.getEncoded())) {
                String name = new X500Principal(embeddedSigner.getSubject().getEncoded()).getName();
                String serial = embeddedSigner.getSerialNumber().toString(16);
                boolean lookAlike = name.equals(expected.getSubjectX500Principal().getName())
                        && serial.equals(expected.getSerialNumber().toString(16));
                throw new VerificationProblem(lookAlike
                        ? "the signer certificate included in the file differs from " + where
                                + " although name and serial are the same: one of them was altered"
                        : "signer certificate \"" + name + "\" (serial " + serial + ") is not " + where + " (\""
                                + expected.getSubjectX500Principal().getName() + "\", serial "
                                + expected.getSerialNumber().toString(16) + ")");
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new VerificationProblem("signer certificate cannot be encoded: " + e.getMessage());
        }
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Crypto.provider()).build(expected);
            if (!signer.verify(verifier)) {
                throw new VerificationProblem("signature does not verify with " + where);
            }
        } catch (VerificationProblem e) {
            throw e;
        } catch (Exception e) {
            throw new VerificationProblem("signature does not verify with " + where + " (" + e.getMessage() + ")");
        }
    }
}
