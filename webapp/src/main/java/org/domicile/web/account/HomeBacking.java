package org.domicile.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.setup.OperatorSetup;

/** The start page: which links it offers (operator setup while pending, the local outbox while in use). */
@Named
@RequestScoped
public class HomeBacking {

    @EJB
    OperatorSetup setup;

    @Inject
    SmsGatewayProvider gateways;

    private boolean setupPending;
    private boolean outboxInUse;

    @PostConstruct
    void load() {
        setupPending = setup.pending();
        outboxInUse = gateways.outboxInUse();
    }

    public boolean isSetupPending() {
        return setupPending;
    }

    public boolean isOutboxInUse() {
        return outboxInUse;
    }
}
