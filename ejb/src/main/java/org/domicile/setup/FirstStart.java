package org.domicile.setup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.domicile.platform.DomicileSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs at every start; does something only on an empty database (or when asked for a new setup
 * code): registers the built-in processing operators and creates the certification operator's
 * account, printing its one-time setup code on the console. There is no default password.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CertificationServer"})
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @EJB
    FirstStartWork work;

    @Inject
    DomicileSettings settings;

    @Inject
    @ConfigProperty(name = "domicile.setup.renew-code", defaultValue = "false")
    boolean renewCode;

    @PostConstruct
    void run() {
        try {
            int added = work.registerOperators();
            if (added > 0) {
                LOG.info(() -> added + " built-in processing operators registered");
            }
        } catch (EJBException concurrentStart) {
            LOG.info("Processing operators were registered by another instance");
        }
        try {
            work.operatorSetupCode(renewCode).ifPresent(this::announce);
        } catch (EJBException concurrentStart) {
            LOG.info("The operator account was created by another instance");
        }
    }

    /**
     * Printed on the console, once: the only way to the operator account. Deliberately not a
     * log record, so it does not land in log files that are kept.
     */
    private void announce(String code) {
        String url = settings.publicUrl().orElse("http://localhost:8080");
        System.out.println("""

                ==================== Domicile: first start ====================
                 One-time setup code for the certification operator:
                     %s
                 Open %s/setup.xhtml and set the operator's password and
                 mobile number with it. It works once; nothing else opens the
                 operator account. Lost it? Restart once with
                 DOMICILE_SETUP_RENEW_CODE=true for a new one.
                ===============================================================
                """.formatted(code, url));
    }
}
