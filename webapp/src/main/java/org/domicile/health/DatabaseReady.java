package org.domicile.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers. A plain JDBC validity check on a pooled connection, no
 * query of the domain; it waits at most {@value #TIMEOUT_SECONDS} seconds.
 */
@Readiness
@ApplicationScoped
public class DatabaseReady implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReady.class.getName());

    @Resource(lookup = "java:app/jdbc/domicile")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named("database");
        try (var connection = dataSource.getConnection()) {
            return answer.status(connection.isValid(TIMEOUT_SECONDS)).build();
        } catch (SQLException | RuntimeException e) {
            // Reported as down; the reason goes to the log, not to whoever polls the endpoint.
            LOG.log(Level.WARNING, "Database not ready: " + e);
            return answer.down().build();
        }
    }
}
