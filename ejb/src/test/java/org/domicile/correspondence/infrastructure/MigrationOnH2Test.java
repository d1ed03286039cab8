package org.domicile.correspondence.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import org.domicile.platform.Ids;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The V2 migration on the embedded database engine, quickly, without a server (the container
 * tests run it on H2 files and on PostgreSQL): BYTEA is H2's BINARY VARYING, holds a 10 MB file,
 * and contents cannot outlive their attachment.
 */
class MigrationOnH2Test {

    @Test
    @DisplayName("Every migration applies on H2; attachment bytes are BINARY VARYING and round-trip 10 MB")
    void migratesAndStoresBytes() throws SQLException {
        String url = "jdbc:h2:mem:corr" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        var result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        org.junit.jupiter.api.Assertions.assertTrue(result.success, "every migration applies");
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(result.targetSchemaVersion) >= 3,
                "the chain's migration is among them: " + result.targetSchemaVersion);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            try (var rs = db.createStatement().executeQuery("select data_type from information_schema.columns"
                    + " where table_name = 'ATTACHMENT_CONTENT' and column_name = 'CONTENT'")) {
                rs.next();
                assertEquals("BINARY VARYING", rs.getString(1));
            }
            String account = Ids.newId();
            String correspondence = Ids.newId();
            String attachment = Ids.newId();
            db.createStatement().execute("insert into account values ('" + account + "', 'x.user', 'X', 'x@example.org',"
                    + " null, false, null, 'USER', 'ACTIVE', 'LOW', 0, 0)");
            db.createStatement().execute("insert into correspondence (id, sender_id, kind, subject, body, status,"
                    + " created_at, updated_at, version) values ('" + correspondence + "', '" + account
                    + "', 'SIMPLE', 's', '', 'DRAFT', 0, 0, 0)");
            db.createStatement().execute("insert into attachment values ('" + attachment + "', '" + correspondence
                    + "', 1, 'a.pdf', 'application/pdf', 10485760, '" + "0".repeat(64) + "', 0)");
            byte[] tenMegabytes = new byte[10 * 1024 * 1024];
            new Random(7).nextBytes(tenMegabytes);
            try (var insert = db.prepareStatement("insert into attachment_content values (?, ?)")) {
                insert.setString(1, attachment);
                insert.setBytes(2, tenMegabytes);
                insert.executeUpdate();
            }
            try (var rs = db.createStatement().executeQuery("select content from attachment_content")) {
                rs.next();
                assertArrayEquals(tenMegabytes, rs.getBytes(1));
            }
            assertThrows(SQLException.class, () -> db.createStatement().execute("delete from attachment"),
                    "the bytes refer to their attachment");
        }
    }
}
