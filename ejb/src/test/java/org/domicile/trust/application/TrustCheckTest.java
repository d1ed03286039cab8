package org.domicile.trust.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.SignedTrustDecision;
import org.domicile.certification.trust.TrustAttributeSource;
import org.domicile.certification.trust.TrustAuthority;
import org.domicile.certification.trust.TrustDecision;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.certification.trust.TrustQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The domiciliation server's side of the trust check, against real signed decisions. The certification
 * server is replaced by a subclass that answers as told; the entity manager is a stub whose persist()
 * does nothing (the decision record is not what is under test here).
 */
class TrustCheckTest {

    private static final PartyRef USER = new PartyRef(PartyKind.USER, "uAAAAAAAAAAAAAAAAAAAAA");
    private static final PartyRef SEAL = new PartyRef(PartyKind.OPERATOR, "op-seal");
    private static final List<PartyRef> PARTIES = List.of(USER, SEAL);

    // The refusals below are expected and logged as warnings; kept quiet here (strong references keep the level).
    private static final Logger CHECK_LOG = Logger.getLogger(TrustCheck.class.getName());
    private static final Logger AUTHORITY_LOG = Logger.getLogger(TrustAuthority.class.getName());

    private static X509Certificate pinnedCert;
    private static DocumentSigner pinnedSigner;
    private static DocumentSigner otherSigner;

    @AfterAll
    static void restoreLogging() {
        CHECK_LOG.setLevel(null);
        AUTHORITY_LOG.setLevel(null);
    }

    @BeforeAll
    static void keys() {
        CHECK_LOG.setLevel(Level.OFF);
        AUTHORITY_LOG.setLevel(Level.OFF);
        Clock clock = Clock.systemUTC();
        InternalCa ca = InternalCa.create("Test CA", clock);
        KeyPair pinnedKeys = Crypto.newEcKeyPair();
        pinnedCert = ca.issue("Certification server", pinnedKeys.getPublic(), CertificateProfile.SIGNING,
                Duration.ofDays(1));
        pinnedSigner = new DocumentSigner(pinnedKeys.getPrivate(), pinnedCert);
        // Issued by the same CA: only the pinned certificate may sign decisions, not any certificate of the CA.
        KeyPair otherKeys = Crypto.newEcKeyPair();
        otherSigner = new DocumentSigner(otherKeys.getPrivate(),
                ca.issue("Impostor", otherKeys.getPublic(), CertificateProfile.SIGNING, Duration.ofDays(1)));
    }

    private static TrustAuthority authority(DocumentSigner signer, TrustAttributeSource source) {
        return new TrustAuthority(source, signer, Clock.systemUTC());
    }

    private static TrustAuthority authority(DocumentSigner signer, TrustLevel everyone) {
        return authority(signer, party -> Optional.of(everyone));
    }

    /** A certification server answering with {@code answer}, pinned to {@link #pinnedCert}. */
    private static TrustCheck checkAnswering(Function<TrustQuery, SignedTrustDecision> answer) {
        var server = new CertificationServer() {
            @Override
            public SignedTrustDecision decide(TrustQuery query) {
                return answer.apply(query);
            }

            @Override
            public X509Certificate certificate() {
                return pinnedCert;
            }
        };
        var check = new TrustCheck();
        check.certification = server;
        check.em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("persist")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return check;
    }

    private static void assertRefusedAsUnverifiable(TrustVerdict v) {
        assertFalse(v.granted());
        assertEquals("none", v.decisionId());
        assertTrue(v.shortfalls().isEmpty());
        assertTrue(v.reason().contains("could not be verified"), v.reason());
    }

    @Test
    @DisplayName("Rule 9: certification server down: refused, with a reason naming the certification server")
    void serverDownRefuses() {
        TrustVerdict v = checkAnswering(q -> {
            throw new IllegalStateException("connection refused");
        }).check(TrustLevel.LOW, PARTIES, "login");
        assertFalse(v.granted());
        assertEquals("none", v.decisionId());
        assertTrue(v.reason().toLowerCase().contains("certification server"), v.reason());
    }

    @Test
    @DisplayName("Rule 9: no answer at all (null) is a refusal")
    void nullAnswerRefuses() {
        assertRefusedAsUnverifiable(checkAnswering(q -> null).check(TrustLevel.LOW, PARTIES, "login"));
    }

    @Test
    @DisplayName("Rule 9: a grant signed by another key, even one from the same CA, is refused")
    void grantFromAnotherKeyRefused() {
        TrustAuthority impostor = authority(otherSigner, TrustLevel.HIGH);
        assertRefusedAsUnverifiable(checkAnswering(impostor::decide).check(TrustLevel.LOW, PARTIES, "login"));
    }

    @Test
    @DisplayName("Rule 9: a grant signed by another key but claiming the pinned certificate is refused")
    void grantClaimingPinnedCertRefused() {
        TrustAuthority impostor = authority(otherSigner, TrustLevel.HIGH);
        TrustVerdict v = checkAnswering(q -> {
            SignedTrustDecision forged = impostor.decide(q);
            return new SignedTrustDecision(forged.decision(), forged.signature(), pinnedCert);
        }).check(TrustLevel.LOW, PARTIES, "login");
        assertRefusedAsUnverifiable(v);
    }

    @Test
    @DisplayName("Rule 9: a refusal rewritten into a grant (signature of the refusal kept) is refused")
    void refusalTamperedIntoGrantRefused() {
        TrustAuthority real = authority(pinnedSigner, TrustLevel.NONE);
        TrustVerdict v = checkAnswering(q -> {
            SignedTrustDecision refusal = real.decide(q);
            TrustDecision d = refusal.decision();
            TrustDecision grant = new TrustDecision(d.decisionId(), d.decidedAt(), d.required(), d.purpose(),
                    d.parties(), true, List.of(), null);
            return new SignedTrustDecision(grant, refusal.signature(), pinnedCert);
        }).check(TrustLevel.LOW, PARTIES, "login");
        assertRefusedAsUnverifiable(v);
    }

    @Test
    @DisplayName("Rule 9: a properly signed grant is accepted and carries the decision id")
    void signedGrantAccepted() {
        TrustAuthority real = authority(pinnedSigner, TrustLevel.HIGH);
        SignedTrustDecision[] sent = new SignedTrustDecision[1];
        TrustVerdict v = checkAnswering(q -> sent[0] = real.decide(q)).check(TrustLevel.SUBSTANTIAL, PARTIES, "login");
        assertTrue(v.granted());
        assertNotNull(sent[0]);
        assertEquals(sent[0].decision().decisionId(), v.decisionId());
        assertTrue(v.shortfalls().isEmpty());
        assertEquals(null, v.reason());
    }

    @Test
    @DisplayName("Rule 9: a party below the required level: refused, naming that party and its level")
    void partyBelowLevelRefused() {
        TrustAuthority real = authority(pinnedSigner,
                party -> Optional.of(party.equals(SEAL) ? TrustLevel.LOW : TrustLevel.HIGH));
        TrustVerdict v = checkAnswering(real::decide).check(TrustLevel.SUBSTANTIAL, PARTIES, "correspondence");
        assertFalse(v.granted());
        assertEquals(1, v.shortfalls().size());
        assertEquals(SEAL, v.shortfalls().get(0).party());
        assertEquals(TrustLevel.LOW, v.shortfalls().get(0).actual());
        assertEquals(TrustDecision.REASON_BELOW_REQUIRED, v.reason());
    }

    @Test
    @DisplayName("Rule 9: an unknown party counts as NONE: refused")
    void unknownPartyRefused() {
        TrustAuthority real = authority(pinnedSigner,
                party -> party.equals(USER) ? Optional.empty() : Optional.of(TrustLevel.HIGH));
        TrustVerdict v = checkAnswering(real::decide).check(TrustLevel.LOW, PARTIES, "login");
        assertFalse(v.granted());
        assertEquals(TrustLevel.NONE, v.shortfalls().get(0).actual());
    }

    @Test
    @DisplayName("Rule 9: trust attributes unreadable on the certification server: refused")
    void attributesUnavailableRefused() {
        TrustAuthority real = authority(pinnedSigner, party -> {
            throw new IllegalStateException("database down");
        });
        TrustVerdict v = checkAnswering(real::decide).check(TrustLevel.LOW, PARTIES, "login");
        assertFalse(v.granted());
        assertEquals(TrustDecision.REASON_UNAVAILABLE, v.reason());
    }
}
