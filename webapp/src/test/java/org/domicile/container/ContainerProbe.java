package org.domicile.container;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.identity.domain.Account;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.CodeFailure;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.sessions.Session;

/**
 * What an auditor would look at in the database, read (or prepared) by the tests. Each method
 * is one transaction of its own, so what it sees is what was committed.
 */
@Stateless
public class ContainerProbe {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    /**
     * Holds the correspondence's row locked, as the chain does while it runs its steps: tells
     * {@code held} once it has the lock and keeps it until {@code release} opens (30 s at most).
     */
    public void holdLocked(String correspondenceId, CountDownLatch held, CountDownLatch release)
            throws InterruptedException {
        em.createNativeQuery("select id from correspondence where id = ?1 for update")
                .setParameter(1, correspondenceId).getResultList();
        held.countDown();
        release.await(30, TimeUnit.SECONDS);
    }

    /** How the persistence unit writes: on which database, and whether in JDBC batches. */
    public record Writing(boolean postgresql, boolean batches) {
    }

    public Writing writing() {
        var platform = (DatabasePlatform) em.unwrap(Session.class).getDatasourcePlatform();
        return new Writing(platform.isPostgreSQL(), platform.usesBatchWriting() && platform.usesJDBCBatchWriting()
                && platform.getMaxBatchWritingSize() > 1);
    }

    /** State and tries of a challenge, as stored. */
    public record ChallengeState(String status, int attempts) {
    }

    public ChallengeState challenge(String id) {
        Challenge c = em.find(Challenge.class, id);
        return new ChallengeState(c.status().name(), c.attempts());
    }

    public long challengesOf(String accountId) {
        return count("select count(*) from challenge where account_id = ?1", accountId);
    }

    public long codeFailuresOf(String accountId) {
        return count("select count(*) from code_failure where account_id = ?1", accountId);
    }

    public long accountsNamed(String loginName) {
        return count("select count(*) from account where login_name = ?1", loginName);
    }

    public long accounts() {
        return ((Number) em.createNativeQuery("select count(*) from account").getSingleResult()).longValue();
    }

    public long smsRecordsTo(String e164) {
        return count("select count(*) from sms_message where recipient = ?1", e164);
    }

    /** Every row of {@code table} whose {@code column} equals {@code value}, each column as text. */
    public List<String> rows(String table, String column, String value) {
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table and column are constants of the tests");
        }
        List<?> rows = em.createNativeQuery("select * from " + table + " where " + column + " = ?1")
                .setParameter(1, value).getResultList();
        return rows.stream().map(r -> r instanceof Object[] a ? Arrays.toString(a) : String.valueOf(r)).toList();
    }

    /** The audit lines an account produced or that concern it: "action outcome detail". */
    public List<String> auditOf(String... actorsOrTargets) {
        return Arrays.stream(actorsOrTargets).flatMap(who -> em.createNativeQuery(
                        "select action, outcome, detail from audit_event where actor = ?1 or target = ?1")
                .setParameter(1, who).getResultList().stream()
                .map(r -> String.join(" ", Arrays.stream((Object[]) r).map(String::valueOf).toList())))
                .map(Object::toString).toList();
    }

    public Optional<String> sessionEndReason(String sessionId) {
        List<?> r = em.createNativeQuery("select end_reason from office_session where id = ?1")
                .setParameter(1, sessionId).getResultList();
        return r.isEmpty() ? Optional.empty() : Optional.ofNullable(r.get(0)).map(Object::toString);
    }

    public TrustLevel trustLevelOf(String accountId) {
        return em.find(Account.class, accountId).trustLevel();
    }

    public Account account(String accountId) {
        return em.find(Account.class, accountId);
    }

    /** Wrong codes typed earlier, as the code check would have stored them. */
    /** Records {@code n} text messages already sent to a number for a purpose, as if sent within the hour. */
    public void addSmsSent(String e164, String purpose, int n, Instant at) {
        for (int i = 0; i < n; i++) {
            em.persist(new org.domicile.messaging.domain.SmsRecord(null, e164, purpose, "outbox", at));
        }
    }

    public void addCodeFailures(String accountId, int n, Instant at) {
        for (int i = 0; i < n; i++) {
            em.persist(new CodeFailure(accountId, at));
        }
    }

    /** How many rows of {@code table} have {@code column} equal to {@code value}. */
    public long countRows(String table, String column, String value) {
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table and column are constants of the tests");
        }
        return count("select count(*) from " + table + " where " + column + " = ?1", value);
    }

    /**
     * Records an attachment of {@code sizeBytes} on a correspondence without its bytes, as if a
     * large file had been uploaded earlier: for the per-office quota.
     */
    public void addAttachmentRecord(String correspondenceId, long sizeBytes) {
        em.createNativeQuery("insert into attachment (id, correspondence_id, seq, file_name, media_type, size_bytes,"
                        + " sha256, added_at) values (?1, ?2, ?3, ?4, 'application/pdf', ?5, ?6, 0)")
                .setParameter(1, org.domicile.platform.Ids.newId())
                .setParameter(2, correspondenceId)
                .setParameter(3, 1000 + (int) (System.nanoTime() % 1000))
                .setParameter(4, "earlier-" + System.nanoTime() + ".pdf")
                .setParameter(5, sizeBytes)
                .setParameter(6, "0".repeat(64))
                .executeUpdate();
    }

    private long count(String sql, String param) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue();
    }
}
