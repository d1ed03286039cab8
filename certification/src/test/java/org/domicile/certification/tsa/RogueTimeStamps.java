package org.domicile.certification.tsa;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.signing.Crypto;

/**
 * Time-stamp tokens and certificates that our own TimeStampAuthority refuses to make (BouncyCastle's
 * generator refuses them too): built by hand, to show the check catches them.
 */
final class RogueTimeStamps {

    private RogueTimeStamps() {
    }

    /** A certificate from {@code ca} with digitalSignature and the given extended key usage (or none). */
    static X509Certificate certificate(InternalCa ca, PublicKey key, boolean ekuCritical, KeyPurposeId... purposes)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=Rogue TSA,O=Domicile"), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        if (purposes.length > 0) {
            builder.addExtension(Extension.extendedKeyUsage, ekuCritical, new ExtendedKeyUsage(purposes));
        }
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(Crypto.provider()).build(ca.privateKey()));
        return new JcaX509CertificateConverter().setProvider(Crypto.provider()).getCertificate(holder);
    }

    /** A well-formed RFC 3161 token with our policy, signed by any key and certificate. */
    static byte[] token(KeyPair keys, X509Certificate certificate, byte[] imprint, BigInteger nonce) throws Exception {
        TSTInfo info = new TSTInfo(TimeStampAuthority.POLICY,
                new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), imprint),
                new ASN1Integer(BigInteger.TEN), new ASN1GeneralizedTime(new Date()), null, ASN1Boolean.FALSE,
                new ASN1Integer(nonce), null, null);
        SigningCertificateV2 certId = new SigningCertificateV2(new ESSCertIDv2(Sha256.of(certificate.getEncoded())));
        AttributeTable signed = new AttributeTable(
                new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(certId)));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.provider())
                        .build(keys.getPrivate()), certificate));
        generator.addCertificate(new X509CertificateHolder(certificate.getEncoded()));
        return generator.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true).getEncoded(ASN1Encoding.DER);
    }
}
