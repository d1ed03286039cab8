package org.domicile.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.domicile.certification.secret.IssuedSecret;
import org.domicile.certification.secret.OneTimeSecrets;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final byte[] BOUND = "content digest".getBytes();

    private final OneTimeSecrets secrets = new OneTimeSecrets(new byte[32]);

    private static Challenge newChallenge() {
        return new Challenge("account-1", Purpose.LOGIN, "bound-digest", TrustLevel.LOW, "", "decision-1", T0, TTL);
    }

    private IssuedSecret issueFor(Challenge c) {
        IssuedSecret issued = secrets.issue(c.id(), BOUND);
        return issued;
    }

    @Test
    @DisplayName("Rule 2: a code is still valid at exactly its TTL and expired 1 ms later")
    void expiresJustAfterTtl() {
        Challenge atTtl = newChallenge();
        assertFalse(atTtl.expireIfDue(T0.plus(TTL)));
        assertEquals(ChallengeStatus.PENDING, atTtl.status());

        Challenge afterTtl = newChallenge();
        assertTrue(afterTtl.expireIfDue(T0.plus(TTL).plusMillis(1)));
        assertEquals(ChallengeStatus.EXPIRED, afterTtl.status());
        assertEquals(T0.plus(TTL), afterTtl.expiresAt());
    }

    @Test
    @DisplayName("Rule 3: an expired challenge stays expired and can be neither opened, retried nor resent")
    void expiredIsFinal() {
        Challenge c = newChallenge();
        assertTrue(c.expireIfDue(T0.plus(TTL).plusSeconds(1)));
        assertTrue(c.expireIfDue(T0), "going back in time does not revive it");
        assertThrows(IllegalStateException.class, c::opened);
        assertThrows(IllegalStateException.class, () -> c.wrongCode(5));
        assertThrows(IllegalStateException.class,
                () -> c.resent(issueFor(c).form(), T0.plus(TTL).plusSeconds(2), TTL));
        assertEquals(ChallengeStatus.EXPIRED, c.status());
    }

    @Test
    @DisplayName("Rule 3: a code is good once: after opened() every further attempt is refused")
    void singleUse() {
        Challenge c = newChallenge();
        c.holdSecret(issueFor(c).form());
        c.opened();
        assertEquals(ChallengeStatus.OPENED, c.status());
        assertThrows(IllegalStateException.class, c::opened);
        assertThrows(IllegalStateException.class, () -> c.wrongCode(5));
        assertThrows(IllegalStateException.class, () -> c.resent(issueFor(c).form(), T0.plusSeconds(60), TTL));
        assertFalse(c.expireIfDue(T0.plus(TTL).plusSeconds(1)), "a used challenge does not turn into EXPIRED");
        assertEquals(ChallengeStatus.OPENED, c.status());
    }

    @Test
    @DisplayName("Rule 3: a resend replaces the secret (old code stops working), resets tries and moves expiry")
    void resendReplacesSecret() {
        Challenge c = newChallenge();
        IssuedSecret first = issueFor(c);
        c.holdSecret(first.form());
        c.wrongCode(5);
        c.wrongCode(5);
        assertEquals(2, c.attempts());

        Instant later = T0.plusSeconds(45);
        IssuedSecret second = issueFor(c);
        c.resent(second.form(), later, TTL);

        assertEquals(0, c.attempts());
        assertEquals(later.plus(TTL), c.expiresAt());
        assertEquals(later.plusSeconds(30), c.resendAllowedAt(Duration.ofSeconds(30)));
        assertTrue(secrets.matches(c.secretForm(), c.id(), BOUND, second.code()));
        if (!first.code().equals(second.code())) {
            assertFalse(secrets.matches(c.secretForm(), c.id(), BOUND, first.code()),
                    "the first code must no longer open the challenge");
        }
        assertFalse(c.expireIfDue(later.plus(TTL)), "expiry is counted from the resend");
        assertEquals(ChallengeStatus.PENDING, c.status());
    }

    @Test
    @DisplayName("Rule 6: the resend cooldown is counted from the last send")
    void resendCooldownFromLastSend() {
        Challenge c = newChallenge();
        assertEquals(T0.plusSeconds(30), c.resendAllowedAt(Duration.ofSeconds(30)));
    }

    @Test
    @DisplayName("Rule 6: at most 5 tries per code: counts down 4..0 and the 5th wrong code fails the challenge")
    void wrongCodeCountsDownAndFails() {
        Challenge c = newChallenge();
        for (int expectedLeft = 4; expectedLeft >= 1; expectedLeft--) {
            assertEquals(expectedLeft, c.wrongCode(5));
            assertEquals(ChallengeStatus.PENDING, c.status());
        }
        assertEquals(0, c.wrongCode(5));
        assertEquals(ChallengeStatus.FAILED, c.status());
        assertThrows(IllegalStateException.class, () -> c.wrongCode(5), "no sixth try");
        assertThrows(IllegalStateException.class, c::opened, "not even with the right code");
        assertThrows(IllegalStateException.class, () -> c.resent(issueFor(c).form(), T0.plusSeconds(60), TTL),
                "a failed challenge cannot get a fresh budget by resending");
    }

    @Test
    @DisplayName("Rule 6: an account-level lock (fail) ends a pending challenge for good")
    void failEndsPending() {
        Challenge c = newChallenge();
        c.fail();
        assertEquals(ChallengeStatus.FAILED, c.status());
        assertThrows(IllegalStateException.class, c::opened);

        Challenge opened = newChallenge();
        opened.opened();
        opened.fail();
        assertEquals(ChallengeStatus.OPENED, opened.status(), "fail() does not rewrite a finished challenge");
    }

    @Test
    @DisplayName("Rule 5: the challenge keeps only a check form that verifies the code but never the code itself")
    void neverHoldsTheCode() throws IllegalAccessException {
        Challenge c = newChallenge();
        IssuedSecret issued = issueFor(c);
        c.holdSecret(issued.form());

        assertFalse(c.secretForm().encode().contains(issued.code()));
        for (Field f : Challenge.class.getDeclaredFields()) {
            if (f.getType() == String.class) {
                f.setAccessible(true);
                Object value = f.get(c);
                assertFalse(value != null && value.toString().contains(issued.code()),
                        "field " + f.getName() + " holds the code");
            }
        }
        assertTrue(secrets.matches(c.secretForm(), c.id(), BOUND, issued.code()), "the form still checks the code");
        String wrong = issued.code().equals("000000") ? "000001" : "000000";
        assertFalse(secrets.matches(c.secretForm(), c.id(), BOUND, wrong));
    }

    @Test
    @DisplayName("Rule 4: the stored form is bound to this challenge's id: it fails for another challenge")
    void formBoundToChallengeId() {
        Challenge a = newChallenge();
        Challenge b = newChallenge();
        IssuedSecret issued = issueFor(a);
        a.holdSecret(issued.form());
        assertTrue(secrets.matches(a.secretForm(), a.id(), BOUND, issued.code()));
        assertFalse(secrets.matches(a.secretForm(), b.id(), BOUND, issued.code()));
    }

    @Test
    @DisplayName("Two challenges get distinct 128-bit random identifiers")
    void distinctIds() {
        Challenge a = newChallenge();
        Challenge b = newChallenge();
        assertFalse(a.id().equals(b.id()));
        assertEquals(22, a.id().length());
    }
}
