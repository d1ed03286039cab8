package org.domicile.session.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domicile.audit.AuditLog;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.MobileNumber;
import org.domicile.operators.application.OperatorRegistry;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;
import org.domicile.platform.LimitReachedException;
import org.domicile.platform.TimeSource;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.ChallengeStatus;
import org.domicile.session.domain.CodeFailure;
import org.domicile.session.domain.Purpose;
import org.domicile.trust.application.CertificationServer;
import org.domicile.trust.application.TrustCheck;
import org.domicile.trust.application.TrustVerdict;

/**
 * The session-opening protocol (SPEC §2, seed 003 claim 1), for every purpose: office login,
 * phone verification and correspondence sessions. A session opens only when the certification
 * server has vouched for the user, his counterparts and the whole processing chain at the
 * required level, and the user has typed the secret sent to his phone, checked against the
 * form held here, this challenge's identifier and the bound data (e.g. a content digest).
 */
@Stateless
public class SessionOpening {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    TrustCheck trust;

    @EJB
    CertificationServer certification;

    @Inject
    CodeCheck codes;

    @EJB
    OperatorRegistry operators;

    @Inject
    PartyNames names;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    /**
     * Step 1: trust check, then a secret bound to a new challenge, sent by SMS.
     *
     * @param counterparts the other parties of the session (empty for the user's own office)
     * @param boundData    what the code confirms besides the session (e.g. a content digest; may be empty)
     * @param smsText      the text of the SMS, made from the code; it must say what the code confirms
     */
    public ChallengeView open(Account account, Purpose purpose, TrustLevel required, List<PartyRef> counterparts,
                              byte[] boundData, Function<String, String> smsText, String source) {
        var mobile = account.mobile().orElseThrow(() -> new DomicileException("This account has no mobile number."));
        return open(account, mobile, purpose, required, counterparts, boundData, smsText, source);
    }

    /** As {@link #open(Account, Purpose, TrustLevel, List, byte[], Function, String)}, sending the code to {@code to}. */
    public ChallengeView open(Account account, MobileNumber to, Purpose purpose, TrustLevel required,
                              List<PartyRef> counterparts, byte[] boundData, Function<String, String> smsText,
                              String source) {
        var mobile = to;
        var parties = new ArrayList<PartyRef>();
        parties.add(account.party());
        parties.addAll(counterparts);
        parties.addAll(operators.chainParties());
        TrustVerdict verdict = trust.check(required, parties, purpose.name().toLowerCase(java.util.Locale.ROOT));
        if (!verdict.granted()) {
            audit.record(account.loginName(), "session.trust-check", purpose.name(), "REFUSED", source,
                    "decision " + verdict.decisionId() + ": " + verdict.shortfalls().size() + " shortfall(s)");
            throw new TrustRefusedException(names.explain(account, verdict));
        }
        var now = time.now();
        var challenge = new Challenge(account.id().value(), purpose, digest(boundData), required,
                counterparts.stream().map(PartyRef::toString).collect(Collectors.joining(",")),
                verdict.decisionId(), now, settings.codeTtl());
        challenge.holdSecret(certification.issueSecret(challenge.id(), boundData, account.id().value(),
                mobile.e164(), purpose.name(), smsText));
        em.persist(challenge);
        audit.recordDone(account.loginName(), "session.code-sent", purpose.name(), source,
                "challenge " + challenge.id() + " to " + mobile.masked());
        return view(challenge, mobile.masked());
    }

    /**
     * A new code for the same challenge, after the cooldown (SECURITY-BASELINE 6). The old code
     * stops working (rule 3); the account's failure count is not reset.
     */
    public ChallengeView resend(String challengeId, Account account, byte[] boundData,
                                Function<String, String> smsText, String source) {
        Challenge challenge = lockPending(challengeId);
        if (!challenge.accountId().equals(account.id().value())) {
            throw new CodeRejectedException(NO_LONGER_VALID, 0);
        }
        var now = time.now();
        if (challenge.expireIfDue(now)) {
            throw new CodeRejectedException(EXPIRED, 0);
        }
        var allowedAt = challenge.resendAllowedAt(settings.resendCooldown());
        if (now.isBefore(allowedAt)) {
            long wait = Math.max(1, Duration.between(now, allowedAt).toSeconds());
            throw new LimitReachedException("Please wait " + wait + (wait == 1 ? " second" : " seconds")
                    + " before asking for a new code.",
                    Duration.ofSeconds(wait));
        }
        var mobile = account.mobile().orElseThrow();
        challenge.resent(certification.issueSecret(challenge.id(), boundData, account.id().value(),
                mobile.e164(), challenge.purpose().name(), smsText), now, settings.codeTtl());
        audit.recordDone(account.loginName(), "session.code-resent", challenge.purpose().name(), source,
                "challenge " + challenge.id());
        return view(challenge, mobile.masked());
    }

    /**
     * Step 2: the typed code. Succeeds once; counts every failure, per code and per account,
     * in the database (rules 3, 5, 6). Returns the challenge, now used up.
     */
    public Challenge confirm(String challengeId, byte[] boundData, String typedCode, String source) {
        Challenge challenge = lockPending(challengeId);
        var now = time.now();
        if (challenge.expireIfDue(now)) {
            throw new CodeRejectedException(EXPIRED, 0);
        }
        if (accountFailuresLastHour(challenge.accountId(), now) >= settings.accountFailuresPerHour()) {
            challenge.fail();
            audit.record(challenge.accountId(), "session.code", challenge.purpose().name(), "LOCKED", source,
                    "account failure limit reached");
            throw new CodeRejectedException("Too many wrong codes on this account in the last hour. "
                    + "Please try again later.", 0);
        }
        if (!codes.matches(challenge.secretForm(), challenge.id(), boundData, typedCode)) {
            em.persist(new CodeFailure(challenge.accountId(), now));
            int left = challenge.wrongCode(settings.maxCodeAttempts());
            audit.record(challenge.accountId(), "session.code", challenge.purpose().name(), "WRONG", source,
                    "challenge " + challenge.id() + ", tries left " + left);
            throw new CodeRejectedException(left > 0
                    ? "Wrong code. " + left + (left == 1 ? " try" : " tries") + " left."
                    : "Too many wrong codes. Please start again to get a new code.", left);
        }
        challenge.opened();
        audit.recordDone(challenge.accountId(), "session.code", challenge.purpose().name(), source,
                "challenge " + challenge.id());
        return challenge;
    }

    /** Whose challenge this is, if it exists. */
    public java.util.Optional<String> ownerOf(String challengeId) {
        return find(challengeId).map(Challenge::accountId);
    }

    public java.util.Optional<Purpose> purposeOf(String challengeId) {
        return find(challengeId).map(Challenge::purpose);
    }

    private java.util.Optional<Challenge> find(String challengeId) {
        return Ids.looksLikeId(challengeId)
                ? java.util.Optional.ofNullable(em.find(Challenge.class, challengeId)) : java.util.Optional.empty();
    }

    /** The pending challenge, locked against a concurrent attempt; any other state is a clear refusal. */
    private Challenge lockPending(String challengeId) {
        Challenge challenge = Ids.looksLikeId(challengeId)
                ? em.find(Challenge.class, challengeId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (challenge == null) {
            throw new CodeRejectedException(NO_LONGER_VALID, 0);
        }
        if (challenge.status() == ChallengeStatus.PENDING) {
            return challenge;
        }
        throw new CodeRejectedException(switch (challenge.status()) {
            case OPENED -> "This code has already been used. Please start again.";
            case EXPIRED -> EXPIRED;
            default -> "Too many wrong codes. Please start again to get a new code.";
        }, 0);
    }

    private long accountFailuresLastHour(String accountId, java.time.Instant now) {
        return em.createQuery("select count(f) from CodeFailure f where f.accountId = :a and f.failedAt >= :t",
                        Long.class)
                .setParameter("a", accountId)
                .setParameter("t", now.minus(Duration.ofHours(1)).toEpochMilli())
                .getSingleResult();
    }

    private ChallengeView view(Challenge c, String maskedMobile) {
        return new ChallengeView(c.id(), c.purpose(), maskedMobile, c.expiresAt(),
                c.resendAllowedAt(settings.resendCooldown()));
    }

    static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String EXPIRED = "This code has expired. Please ask for a new one.";
    public static final String NO_LONGER_VALID = "This code is no longer valid. Please start again.";
}
