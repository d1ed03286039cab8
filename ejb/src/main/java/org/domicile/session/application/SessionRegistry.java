package org.domicile.session.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.domicile.identity.domain.Account;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;
import org.domicile.platform.TimeSource;
import org.domicile.session.domain.EndReason;
import org.domicile.session.domain.OfficeSession;

/**
 * The open office sessions. Every request is checked here, against the database, so that
 * logout, timeouts, a disabled account or a lowered trust level take effect at once on every
 * instance (SECURITY-BASELINE 13, 14).
 */
@Stateless
public class SessionRegistry {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    /** Opens a session for an account whose code has just been accepted. The token is 256 random bits. */
    public OpenedSession open(Account account) {
        String token = Ids.random(32);
        var session = new OfficeSession(hash(token), account.id().value(), time.now());
        em.persist(session);
        return new OpenedSession(token, principal(session, account));
    }

    /** The principal behind a token, if its session is open; ends it when a timeout is due. */
    public Optional<SessionPrincipal> validate(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        // The session and its account in one read: this runs for every request.
        Object[] row = em.createQuery("select s, a from OfficeSession s, Account a where s.tokenHash = :h"
                        + " and a.id = s.accountId", Object[].class)
                .setParameter("h", hash(token)).getResultStream().findFirst().orElse(null);
        if (row == null || !((OfficeSession) row[0]).isOpen()) {
            return Optional.empty();
        }
        var session = (OfficeSession) row[0];
        var account = (Account) row[1];
        var now = time.now();
        if (session.checkAlive(now, settings.idleTimeout(), settings.absoluteTimeout()).isPresent()) {
            return Optional.empty();
        }
        if (!account.canOpenSession()) {
            session.end(EndReason.ACCOUNT_DISABLED, now);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(principal(session, account));
    }

    /** Ends the session of this token (logout). Unknown tokens are ignored. */
    public void end(String token, EndReason reason) {
        if (token == null) {
            return;
        }
        em.createQuery("select s from OfficeSession s where s.tokenHash = :h", OfficeSession.class)
                .setParameter("h", hash(token)).getResultStream().findFirst()
                .ifPresent(s -> s.end(reason, time.now()));
    }

    /** Ends every open session of an account, at once; returns how many were open. */
    public int endAllFor(String accountId, EndReason reason) {
        var now = time.now();
        var open = em.createQuery("select s from OfficeSession s where s.accountId = :a and s.endedAt is null",
                        OfficeSession.class)
                .setParameter("a", accountId).getResultList();
        open.forEach(s -> s.end(reason, now));
        return open.size();
    }

    private static SessionPrincipal principal(OfficeSession s, Account a) {
        return new SessionPrincipal(s.id(), a.id().value(), a.loginName(), a.displayName(), a.role(),
                a.trustLevel(), s.openedAt());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
