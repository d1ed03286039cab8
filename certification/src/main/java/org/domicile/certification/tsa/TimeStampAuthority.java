package org.domicile.certification.tsa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;

/**
 * The operator's time-stamping unit: makes RFC 3161 TimeStampTokens (DER ContentInfo with SignedData, as
 * {@code openssl ts -verify -token_in} reads it) over a SHA-256 imprint, with a nonce, the TSA certificate
 * included (certReq true), an ESSCertIDv2 reference to it, genTime to the millisecond and the policy
 * {@link #POLICY_OID}. Signs with ECDSA P-256 / SHA-256 (BouncyCastle).
 *
 * <p>Its key must be its own: the TSA certificate has only the critical id-kp-timeStamping usage (RFC 3161
 * section 2.3), so it cannot sign documents, and no document key may stamp.
 *
 * <p>Thread-safe: the generator is made per token; builders and the certificate are shared.
 */
public final class TimeStampAuthority {

    /** The fixed UUID under which the operator's time-stamping policy is named. */
    public static final String POLICY_UUID = "e3106268-3179-49d8-ba8c-cf6ec71fd9a8";

    /** The time-stamping policy OID: {@link #POLICY_UUID} in the 2.25 arc (ITU-T X.667). */
    public static final String POLICY_OID = "2.25." + uuidToDecimal(POLICY_UUID);

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier(POLICY_OID);
    static final String ID_KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    private static final int SERIAL_BITS = 128;
    private static final int NONCE_BITS = 64;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final Clock clock;
    private final JcaContentSignerBuilder contentSigners;
    private final DigestCalculatorProvider digests;

    /**
     * @param key            EC P-256 private key of the time-stamping unit
     * @param tsaCertificate its certificate: critical extended key usage id-kp-timeStamping and nothing else
     *                       (InternalCa, CertificateProfile.TIME_STAMPING)
     * @param clock          the source of genTime
     * @throws IllegalArgumentException if an argument is null, the key does not match, or the certificate is
     *                                  not a time-stamping certificate
     */
    public TimeStampAuthority(PrivateKey key, X509Certificate tsaCertificate, Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("time-stamping authority needs a clock");
        }
        new DocumentSigner(key, tsaCertificate); // null, P-256 and key/certificate match
        if (!isTimeStampingOnly(tsaCertificate)) {
            throw new IllegalArgumentException("TSA certificate must have the critical extended key usage "
                    + "id-kp-timeStamping and no other (RFC 3161 section 2.3)");
        }
        this.key = key;
        this.certificate = tsaCertificate;
        this.clock = clock;
        try {
            this.certificateHolder = new X509CertificateHolder(tsaCertificate.getEncoded());
            this.digests = new JcaDigestCalculatorProviderBuilder().build(); // JDK SHA-256
        } catch (CertificateEncodingException | IOException | OperatorCreationException e) {
            throw new IllegalArgumentException("TSA certificate cannot be used", e);
        }
        this.contentSigners = new JcaContentSignerBuilder(Crypto.SIGNATURE_ALGORITHM)
                .setProvider(Crypto.provider())
                .setSecureRandom(Crypto.random());
    }

    /** A time-stamp token over {@code sha256Imprint} with a fresh random 64-bit nonce. */
    public byte[] stamp(byte[] sha256Imprint) {
        return stamp(sha256Imprint, new BigInteger(NONCE_BITS, Crypto.random()));
    }

    /**
     * A time-stamp token over {@code sha256Imprint} carrying {@code nonce}.
     *
     * @throws IllegalArgumentException if the imprint is not 32 bytes or the nonce is null or negative
     * @throws TimeStampException       (STAMPING_FAILED) if the provider fails
     */
    public byte[] stamp(byte[] sha256Imprint, BigInteger nonce) {
        if (sha256Imprint == null || sha256Imprint.length != Sha256.BYTES) {
            throw new IllegalArgumentException("imprint must be a SHA-256 digest (32 bytes)");
        }
        if (nonce == null || nonce.signum() < 0) {
            throw new IllegalArgumentException("nonce must be a non-negative integer");
        }
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint, nonce);

            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(contentSigners.build(key), certificateHolder);
            DigestCalculator certIdDigest = digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo, certIdDigest, POLICY);
            generator.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            generator.addCertificates(new CollectionStore<>(List.of(certificateHolder)));
            return generator.generate(request, serialNumber(), Date.from(clock.instant()))
                    .toCMSSignedData().getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | TSPException | IOException | RuntimeException e) {
            throw new TimeStampException(TimeStampException.Reason.STAMPING_FAILED,
                    "could not make a time-stamp token: " + e.getMessage(), e);
        }
    }

    /** The TSA certificate included in every token. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "TimeStampAuthority[serial=" + certificate.getSerialNumber().toString(16) + ", policy=" + POLICY_OID + "]";
    }

    /** Critical extendedKeyUsage extension holding exactly id-kp-timeStamping. */
    static boolean isTimeStampingOnly(X509Certificate certificate) {
        try {
            return certificate.getCriticalExtensionOIDs() != null
                    && certificate.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE)
                    && List.of(ID_KP_TIME_STAMPING).equals(certificate.getExtendedKeyUsage());
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static BigInteger serialNumber() {
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, Crypto.random());
        } while (serial.signum() == 0);
        return serial;
    }

    private static String uuidToDecimal(String uuid) {
        UUID value = UUID.fromString(uuid);
        return new BigInteger(1, ByteBuffer.allocate(16)
                .putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits()).array()).toString();
    }
}
