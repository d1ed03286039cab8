package org.domicile.benchmark;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.evidence.EvidenceIssuer;
import org.domicile.certification.secret.OneTimeSecrets;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.OperatorSpecification;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustAuthority;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.certification.tsa.TimeStampAuthority;

/**
 * The keys and certificates of one installation, made afresh as the server makes its own at first start:
 * the internal CA; the certification server, whose key signs trust decisions, tokens and evidence; its
 * time-stamping unit, with a key of its own; one signing key per processing operator; and a sender and a
 * recipient, each with a signing key (the sender's seal) and a key-agreement key (content protection).
 * The trust levels are held in memory where the server reads its database.
 *
 * <p>Thread-safe once built: every part is.
 */
final class CertificationParties {

    private static final Duration VALIDITY = Duration.ofDays(30);

    /** A user: his party reference, signer and key-agreement key with its certificate. */
    record User(PartyRef party, CmsSigner signer, PrivateKey encryptionKey, X509Certificate encryptionCertificate) {
    }

    final InternalCa ca;
    final CmsVerifier verifier;
    final CmsSigner server;
    final TrustAuthority trust;
    final TimeStampAuthority timeStamps;
    final EvidenceIssuer evidence;
    final OneTimeSecrets secrets;
    final User sender;
    final User recipient;
    private final X509Certificate serverCertificate;
    private final Map<ProcessingStep, CmsSigner> operators;
    private final Map<ProcessingStep, OperatorSpecification> specifications;

    CertificationParties() {
        Clock clock = Clock.systemUTC();
        ca = InternalCa.create("Domicile Benchmark CA", clock);
        verifier = new CmsVerifier(ca.certificate());

        KeyPair serverKeys = Crypto.newEcKeyPair();
        serverCertificate = ca.issue("Domicile Certification Server", serverKeys.getPublic(),
                CertificateProfile.SIGNING, VALIDITY);
        server = new CmsSigner(serverKeys.getPrivate(), serverCertificate, clock);

        KeyPair tsaKeys = Crypto.newEcKeyPair();
        timeStamps = new TimeStampAuthority(tsaKeys.getPrivate(), ca.issue("Domicile Time-Stamping Authority",
                tsaKeys.getPublic(), CertificateProfile.TIME_STAMPING, VALIDITY), clock);
        evidence = new EvidenceIssuer(server, timeStamps);

        operators = new EnumMap<>(ProcessingStep.class);
        specifications = new EnumMap<>(ProcessingStep.class);
        for (ProcessingStep step : ProcessingStep.values()) {
            KeyPair keys = Crypto.newEcKeyPair();
            X509Certificate certificate = ca.issue("Domicile operator " + step.operatorId(), keys.getPublic(),
                    CertificateProfile.SIGNING, VALIDITY);
            operators.put(step, new CmsSigner(keys.getPrivate(), certificate, clock));
            specifications.put(step, step.specification());
        }

        sender = user("sender-0001");
        recipient = user("recipient-0001");

        Map<PartyRef, TrustLevel> levels = new HashMap<>();
        levels.put(sender.party(), TrustLevel.SUBSTANTIAL);
        levels.put(recipient.party(), TrustLevel.SUBSTANTIAL);
        for (PartyRef operator : operatorParties()) {
            levels.put(operator, TrustLevel.SUBSTANTIAL);
        }
        Map<PartyRef, TrustLevel> source = Collections.unmodifiableMap(levels);
        trust = new TrustAuthority(party -> Optional.ofNullable(source.get(party)),
                new DocumentSigner(serverKeys.getPrivate(), serverCertificate), clock);

        byte[] verifierKey = new byte[32];
        Crypto.random().nextBytes(verifierKey);
        secrets = new OneTimeSecrets(verifierKey);
    }

    /** The certificate the domiciliation server pins to check trust decisions. */
    X509Certificate serverCertificate() {
        return serverCertificate;
    }

    CmsSigner operator(ProcessingStep step) {
        return operators.get(step);
    }

    OperatorSpecification specification(ProcessingStep step) {
        return specifications.get(step);
    }

    /** The processing operators as parties of a trust query, in chain order. */
    List<PartyRef> operatorParties() {
        return Arrays.stream(ProcessingStep.values())
                .map(step -> new PartyRef(PartyKind.OPERATOR, step.operatorId())).toList();
    }

    /** Each token issuer's certificate, as {@link org.domicile.certification.token.ChainCheck} needs them. */
    Map<String, X509Certificate> issuerCertificates() {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put(CertificationTokens.CERTIFICATION_SERVER, serverCertificate);
        operators.forEach((step, signer) -> certificates.put(step.operatorId(), signer.certificate()));
        return certificates;
    }

    private User user(String id) {
        KeyPair signing = Crypto.newEcKeyPair();
        X509Certificate signingCertificate = ca.issue("Domicile user " + id, signing.getPublic(),
                CertificateProfile.SIGNING, VALIDITY);
        KeyPair agreement = Crypto.newEcKeyPair();
        X509Certificate agreementCertificate = ca.issue("Domicile user " + id + " encryption",
                agreement.getPublic(), CertificateProfile.KEY_ENCIPHERMENT, VALIDITY);
        return new User(new PartyRef(PartyKind.USER, id), new CmsSigner(signing.getPrivate(), signingCertificate),
                agreement.getPrivate(), agreementCertificate);
    }
}
