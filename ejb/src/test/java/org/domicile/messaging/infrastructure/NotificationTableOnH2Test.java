package org.domicile.messaging.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.domicile.platform.Ids;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The notification table on the embedded database engine, quickly, without a server (the
 * container tests run it on H2 files and on PostgreSQL): the same notice cannot be queued twice
 * for one account (SECURITY-BASELINE 24), a notice belongs to an existing account, a full SMS
 * body fits, and the worker's query has its index.
 */
class NotificationTableOnH2Test {

    @Test
    @DisplayName("Rule 24: (reference, account) is unique; the account must exist; 1600 characters fit")
    void constraints() throws SQLException {
        String url = "jdbc:h2:mem:notice" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            String alice = account(db, "alice");
            String bob = account(db, "bob");
            insert(db, alice, "corr-1:waiting", "x".repeat(1600));
            insert(db, bob, "corr-1:waiting", "same reference, other account");
            insert(db, alice, "corr-2:waiting", "other reference, same account");
            assertThrows(SQLException.class, () -> insert(db, alice, "corr-1:waiting", "again"), "queued twice");
            assertThrows(SQLException.class, () -> insert(db, Ids.newId(), "corr-3:waiting", "nobody"),
                    "a notice for an account that does not exist");
            try (var rs = db.createStatement().executeQuery("select count(*) from information_schema.indexes"
                    + " where table_name = 'NOTIFICATION' and index_name = 'NOTIFICATION_DUE_IDX'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the worker's query is indexed");
            }
            try (var rs = db.createStatement().executeQuery("select count(*) from notification")) {
                rs.next();
                assertEquals(3, rs.getInt(1));
            }
            try (var rs = db.createStatement().executeQuery("select length(body) from notification"
                    + " where account_id = '" + alice + "' and reference = 'corr-1:waiting'")) {
                assertTrue(rs.next());
                assertEquals(1600, rs.getInt(1));
            }
        }
    }

    private static String account(Connection db, String login) throws SQLException {
        String id = Ids.newId();
        db.createStatement().execute("insert into account values ('" + id + "', '" + login + "', 'X', 'x@example.org',"
                + " '+33612345678', true, null, 'USER', 'ACTIVE', 'LOW', 0, 0)");
        return id;
    }

    private static void insert(Connection db, String accountId, String reference, String body) throws SQLException {
        try (var ps = db.prepareStatement("insert into notification (id, account_id, purpose, body, reference, status,"
                + " attempts, next_attempt_at, created_at, version) values (?, ?, 'TEST', ?, ?, 'PENDING', 0, 0, 0, 0)")) {
            ps.setString(1, Ids.newId());
            ps.setString(2, accountId);
            ps.setString(3, body);
            ps.setString(4, reference);
            ps.executeUpdate();
        }
    }
}
