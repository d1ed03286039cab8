package org.domicile.platform;

import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Settings of the persistence unit that depend on the database it turns out to run on, known once
 * connected. On PostgreSQL, the rows one flush writes go in JDBC batches: a run of statements of the
 * same form (a chain transaction writes some thirty token rows) takes one round trip instead of one
 * each. Not on the embedded H2: in the same process there is no round trip to save, and measured
 * back to back it cost the server more per correspondence with batches than without.
 */
public class DatabaseTuning implements SessionCustomizer {

    /** The most statements in one batch. */
    static final int BATCH_SIZE = 100;

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postLogin(SessionEvent event) {
                if (event.getSession().getDatasourcePlatform() instanceof DatabasePlatform db && db.isPostgreSQL()) {
                    db.setUsesJDBCBatchWriting(true);
                    db.setUsesBatchWriting(true);
                    db.setMaxBatchWritingSize(BATCH_SIZE);
                }
            }
        });
    }
}
