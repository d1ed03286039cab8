package org.domicile.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source of the domiciliation server. Its values come from MicroProfile Config,
 * so the same build runs on the embedded file database (default) and on PostgreSQL
 * ({@code DOMICILE_DB_URL}, {@code DOMICILE_DB_USER}, {@code DOMICILE_DB_PASSWORD},
 * {@code DOMICILE_DB_DRIVER} in the environment).
 * <p>
 * Each pooled connection keeps its 128 most recently used prepared statements, so that PostgreSQL's driver
 * prepares them on the server once instead of having every use parsed and planned. The cache type
 * must be given, blank for the default (least recently used): left out, the pool reads it as the
 * class name "null" and runs without a cache.
 */
@DataSourceDefinition(
        name = DomicileDataSource.JNDI_NAME,
        className = "${MPCONFIG=domicile.db.driver}",
        url = "${MPCONFIG=domicile.db.url}",
        user = "${MPCONFIG=domicile.db.user}",
        password = "${MPCONFIG=domicile.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.log-jdbc-calls=false", "fish.payara.statement-cache-size=128",
                "fish.payara.statement-cache-type= "})
@Singleton
public class DomicileDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/domicile";
}
