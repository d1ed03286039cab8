package org.domicile.trust.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Logger;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.ca.KeyStoreFile.KeyEntry;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.evidence.EvidenceIssuer;
import org.domicile.certification.evidence.EvidenceRecord;
import org.domicile.certification.evidence.SignedEvidence;
import org.domicile.certification.tsa.TimeStampAuthority;
import org.domicile.certification.secret.IssuedSecret;
import org.domicile.certification.secret.OneTimeSecrets;
import org.domicile.certification.secret.SecretForm;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;
import org.domicile.certification.trust.SignedTrustDecision;
import org.domicile.certification.trust.TrustAuthority;
import org.domicile.certification.trust.TrustQuery;
import org.domicile.messaging.application.SmsDispatch;
import org.domicile.platform.TimeSource;
import org.domicile.platform.TimeSourceClock;
import org.domicile.trust.infrastructure.JpaTrustAttributes;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The certification operator's server: it answers trust queries with signed decisions, makes
 * the one-time secret of every session opening and sends it to the user over the second
 * channel (SMS), handing the domiciliation server only a form that can check but not reveal it.
 * It owns the internal CA. Its state is fixed after start-up, so calls run concurrently.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CertificationServer {

    private static final Logger LOG = Logger.getLogger(CertificationServer.class.getName());
    static final String CA_ALIAS = "internal-ca";
    static final String SERVER_ALIAS = "certification-server";
    /** The time-stamping unit's own key: its certificate may only stamp (RFC 3161 §2.3). */
    static final String TSA_ALIAS = "tsa";

    @Inject
    KeyVault vault;

    @Inject
    JpaTrustAttributes attributes;

    @Inject
    TimeSource time;

    @EJB
    SmsDispatch sms;

    private InternalCa ca;
    private DocumentSigner signer;
    private TrustAuthority authority;
    private OneTimeSecrets secrets;
    private CmsSigner tokenSigner;
    private CmsVerifier verifier;
    private TimeStampAuthority timeStamps;
    private EvidenceIssuer evidence;

    @PostConstruct
    void start() {
        var clock = new TimeSourceClock(time);
        ca = vault.get(CA_ALIAS)
                .map(e -> InternalCa.of(e.key(), e.chain()[0], clock))
                .orElseGet(() -> {
                    var created = InternalCa.create("Domicile Internal CA", clock);
                    vault.put(CA_ALIAS, new KeyEntry(created.privateKey(), new X509Certificate[] {created.certificate()}));
                    LOG.info("Internal CA created");
                    return created;
                });
        KeyEntry server = vault.get(SERVER_ALIAS).orElseGet(() -> {
            var keys = Crypto.newEcKeyPair();
            var cert = ca.issue("Domicile Certification Server", keys.getPublic(), CertificateProfile.SIGNING,
                    Duration.ofDays(5 * 365));
            var entry = new KeyEntry(keys.getPrivate(), new X509Certificate[] {cert, ca.certificate()});
            vault.put(SERVER_ALIAS, entry);
            return entry;
        });
        signer = new DocumentSigner(server.key(), server.chain()[0]);
        authority = new TrustAuthority(attributes, signer, clock);
        secrets = new OneTimeSecrets(vault.derivedKey("code-verifier"));
        tokenSigner = new CmsSigner(server.key(), server.chain()[0], clock);
        verifier = new CmsVerifier(ca.certificate());
        KeyEntry tsa = vault.get(TSA_ALIAS).orElseGet(() -> {
            var keys = Crypto.newEcKeyPair();
            var cert = ca.issue("Domicile Time-Stamping Authority", keys.getPublic(),
                    CertificateProfile.TIME_STAMPING, Duration.ofDays(5 * 365));
            var entry = new KeyEntry(keys.getPrivate(), new X509Certificate[] {cert, ca.certificate()});
            vault.put(TSA_ALIAS, entry);
            return entry;
        });
        timeStamps = new TimeStampAuthority(tsa.key(), tsa.chain()[0], clock);
        evidence = new EvidenceIssuer(tokenSigner, timeStamps);
    }

    /** Signs the certification server's tokens (orders, countersignatures) and evidence. */
    public CmsSigner tokenSigner() {
        return tokenSigner;
    }

    /** Verifies CMS signatures against the internal CA (signer certificates cached). */
    public CmsVerifier verifier() {
        return verifier;
    }

    /** The internal time-stamping authority (RFC 3161). */
    public TimeStampAuthority timeStamps() {
        return timeStamps;
    }

    /** Signs and time-stamps evidence records (SECURITY-BASELINE 21). */
    public SignedEvidence issue(EvidenceRecord record) {
        return evidence.issue(record);
    }

    /** "Do these parties reach this level?" — always answered, signed; a refusal names who fell short. */
    public SignedTrustDecision decide(TrustQuery query) {
        return authority.decide(query);
    }

    /**
     * Makes a fresh secret bound to {@code sessionId} and {@code boundData}, sends the code to the
     * user by SMS (text made by {@code smsText} from the code), and returns only the check form.
     * If the message cannot be sent, the caller's transaction is rolled back with a clear message.
     */
    public SecretForm issueSecret(String sessionId, byte[] boundData, String accountId, String e164, String purpose,
                                  Function<String, String> smsText) {
        IssuedSecret issued = secrets.issue(sessionId, boundData);
        sms.send(accountId, e164, purpose, smsText.apply(issued.code()));
        return issued.form();
    }

    /** The certificate the domiciliation server pins to check decisions. */
    public X509Certificate certificate() {
        return signer.certificate();
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The internal CA, for registering processing operators. */
    public InternalCa ca() {
        return ca;
    }
}
