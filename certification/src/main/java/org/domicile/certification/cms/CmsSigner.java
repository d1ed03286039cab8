package org.domicile.certification.cms;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;

/**
 * Makes attached CMS SignedData (DER ContentInfo, eContentType id-data) with one signer: SHA-256 digest,
 * SHA256withECDSA on P-256 (BouncyCastle), signed attributes exactly contentType, messageDigest and
 * signingTime, the signer certificate in {@code certificates}.
 *
 * <p>Thread-safe. The builder objects are made once; only the per-signature state (the JCA
 * {@code Signature} inside a {@link ContentSigner}) is made per call, because it is stateful.
 */
public final class CmsSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final Clock clock;
    private final JcaContentSignerBuilder contentSigners;
    private final DigestCalculatorProvider digests;

    /** A signer whose signing time is the system clock's. */
    public CmsSigner(PrivateKey key, X509Certificate certificate) {
        this(key, certificate, Clock.systemUTC());
    }

    /**
     * @param key         EC P-256 private key
     * @param certificate its certificate (the public key must match)
     * @param clock       source of the signingTime attribute
     * @throws IllegalArgumentException if an argument is null, the key is not P-256 or does not match, or the
     *                                  certificate is not for document signatures (a CA, time-stamping or
     *                                  key-agreement certificate)
     */
    public CmsSigner(PrivateKey key, X509Certificate certificate, Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("CMS signer needs a clock");
        }
        new DocumentSigner(key, certificate); // checks null, P-256 and that key and certificate match
        try {
            // Fail now rather than with every token: verifiers refuse e.g. a time-stamping certificate.
            TrustedSigners.checkDocumentSigning(certificate);
        } catch (CmsException e) {
            throw new IllegalArgumentException("certificate is not for document signatures: " + e.getMessage(), e);
        }
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
        try {
            this.certificateHolder = new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("signer certificate cannot be encoded", e);
        }
        this.contentSigners = new JcaContentSignerBuilder(Crypto.SIGNATURE_ALGORITHM)
                .setProvider(Crypto.provider())
                .setSecureRandom(Crypto.random());
        try {
            // No provider: the JDK's SHA-256 (faster than BouncyCastle's, STACK.md).
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest calculator provider", e);
        }
    }

    /**
     * The DER encoding of a ContentInfo holding SignedData that encapsulates {@code content}.
     *
     * @throws IllegalArgumentException if content is null
     * @throws CmsException             (SIGNING_FAILED) if the provider fails
     */
    public byte[] sign(byte[] content) {
        if (content == null) {
            throw new IllegalArgumentException("content to sign must not be null");
        }
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS); // UTCTime has seconds only
        try {
            ContentSigner contentSigner = contentSigners.build(key);
            SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(exactSignedAttributes(signingTime))
                    .build(contentSigner, certificateHolder);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(certificateHolder);
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException | RuntimeException e) {
            throw new CmsException(CmsException.Reason.SIGNING_FAILED, "could not sign: " + e.getMessage(), e);
        }
    }

    /** The certificate placed in every SignedData this signer makes. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "CmsSigner[serial=" + certificate.getSerialNumber().toString(16) + "]";
    }

    /**
     * Exactly contentType, signingTime and messageDigest. BouncyCastle's default generator also adds
     * cmsAlgorithmProtect; the shared byte format names only these three.
     */
    private static CMSAttributeTableGenerator exactSignedAttributes(Instant signingTime) {
        return (Map parameters) -> {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            ASN1ObjectIdentifier contentType =
                    (ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
            attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
            // Time(Date) picks UTCTime for 1950-2049 and GeneralizedTime otherwise, as RFC 5652 11.3 requires.
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            byte[] digest = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
            attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
            return new AttributeTable(attributes);
        };
    }
}
