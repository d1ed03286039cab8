package org.domicile.certification.cms;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * A parsed SignedData that has the agreed form: exact DER, ContentInfo with SignedData version 1,
 * attached id-data, one SignerInfo version 1 (issuerAndSerialNumber) without unsigned attributes,
 * SHA-256 and ecdsa-with-SHA256 without parameters, exactly one signingTime signed attribute.
 *
 * <p>Only the exact DER encoding of the structure as interpreted is accepted, so one signature has exactly
 * one byte form: tokens are linked by the digest of their bytes, and a re-encoded or otherwise malleated
 * copy must not verify.
 */
final class SignedDataForm {

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    private static final AlgorithmIdentifier ECDSA_WITH_SHA256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final CMSSignedData signedData;
    private final SignerInformation signerInfo;
    private final Instant signingTime;

    private SignedDataForm(CMSSignedData signedData, SignerInformation signerInfo, Instant signingTime) {
        this.signedData = signedData;
        this.signerInfo = signerInfo;
        this.signingTime = signingTime;
    }

    /**
     * Parses and checks {@code cms}.
     *
     * @throws CmsException (MALFORMED, UNEXPECTED_STRUCTURE or UNSUPPORTED_ALGORITHM)
     */
    static SignedDataForm parse(byte[] cms) {
        CMSSignedData signedData;
        ContentInfo contentInfo;
        try {
            signedData = new CMSSignedData(cms);
            contentInfo = signedData.toASN1Structure();
            if (!Arrays.equals(cms, canonicalEncoding(contentInfo))) {
                throw new CmsException(CmsException.Reason.MALFORMED, "not the DER encoding of its own structure");
            }
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof CmsException cmsException) {
                throw cmsException;
            }
            throw new CmsException(CmsException.Reason.MALFORMED, "not a CMS ContentInfo with SignedData", e);
        }
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            throw new CmsException(CmsException.Reason.MALFORMED, "ContentInfo does not hold SignedData");
        }
        if (!CMSObjectIdentifiers.data.equals(signedData.getSignedContentType())) {
            throw structure("encapsulated content type is " + signedData.getSignedContentType() + ", expected id-data");
        }
        if (signedData.getSignedContent() == null || signedData.getSignedContent().getContent() == null) {
            throw structure("detached signature: the content is not encapsulated");
        }
        if (signedData.getVersion() != 1) {
            throw structure("SignedData version " + signedData.getVersion() + ", expected 1");
        }
        Collection<SignerInformation> signerInfos = signedData.getSignerInfos().getSigners();
        if (signerInfos.size() != 1) {
            throw structure("expected exactly one SignerInfo, found " + signerInfos.size());
        }
        SignerInformation signerInfo = signerInfos.iterator().next();
        if (signerInfo.getVersion() != 1) {
            throw structure("SignerInfo version " + signerInfo.getVersion() + ", expected 1 (issuerAndSerialNumber)");
        }
        if (signerInfo.getUnsignedAttributes() != null) {
            throw structure("unsigned attributes are not accepted");
        }
        checkAlgorithms(signedData, signerInfo);
        return new SignedDataForm(signedData, signerInfo, signingTime(signerInfo));
    }

    SignerInformation signerInfo() {
        return signerInfo;
    }

    Instant signingTime() {
        return signingTime;
    }

    byte[] content() {
        return (byte[]) signedData.getSignedContent().getContent();
    }

    /** The included certificate that matches the signer identifier. */
    X509CertificateHolder signerCertificate() {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signerInfo.getSID());
        if (matches.isEmpty()) {
            throw new CmsException(CmsException.Reason.SIGNER_CERTIFICATE_MISSING,
                    "the signer's certificate is not included in the SignedData");
        }
        return matches.iterator().next();
    }

    /**
     * The DER encoding of the structure as interpreted, rebuilt field by field: comparing it to the input
     * also catches encodings that BouncyCastle reads leniently (e.g. a wrong context tag on the signed
     * attributes), which a plain re-encoding of the parse tree would reproduce.
     */
    private static byte[] canonicalEncoding(ContentInfo contentInfo) throws IOException {
        SignedData parsed = SignedData.getInstance(contentInfo.getContent());
        ASN1EncodableVector signerInfos = new ASN1EncodableVector();
        for (ASN1Encodable signerInfo : parsed.getSignerInfos()) {
            signerInfos.add(SignerInfo.getInstance(signerInfo));
        }
        SignedData rebuilt = new SignedData(parsed.getDigestAlgorithms(),
                ContentInfo.getInstance(parsed.getEncapContentInfo()), parsed.getCertificates(), parsed.getCRLs(),
                new DERSet(signerInfos));
        return new ContentInfo(contentInfo.getContentType(), rebuilt).getEncoded(ASN1Encoding.DER);
    }

    private static void checkAlgorithms(CMSSignedData signedData, SignerInformation signerInfo) {
        if (!Set.of(SHA256).equals(signedData.getDigestAlgorithmIDs())
                || !SHA256.equals(signerInfo.getDigestAlgorithmID())) {
            throw new CmsException(CmsException.Reason.UNSUPPORTED_ALGORITHM,
                    "digest algorithm " + signerInfo.getDigestAlgOID() + " is not SHA-256 (without parameters)");
        }
        if (!ECDSA_WITH_SHA256.equals(signerInfo.toASN1Structure().getDigestEncryptionAlgorithm())) {
            throw new CmsException(CmsException.Reason.UNSUPPORTED_ALGORITHM,
                    "signature algorithm " + signerInfo.getEncryptionAlgOID() + " is not ecdsa-with-SHA256");
        }
    }

    private static Instant signingTime(SignerInformation signerInfo) {
        AttributeTable signed = signerInfo.getSignedAttributes();
        if (signed == null) {
            throw structure("no signed attributes");
        }
        Attribute attribute = signed.get(CMSAttributes.signingTime);
        ASN1Set values = attribute == null ? null : attribute.getAttrValues();
        if (values == null || values.size() != 1 || signed.getAll(CMSAttributes.signingTime).size() != 1) {
            throw structure("exactly one signingTime signed attribute is required");
        }
        try {
            return Time.getInstance(values.getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            throw new CmsException(CmsException.Reason.MALFORMED, "unreadable signingTime", e);
        }
    }

    private static CmsException structure(String message) {
        return new CmsException(CmsException.Reason.UNEXPECTED_STRUCTURE, message);
    }
}
