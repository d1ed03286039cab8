package org.domicile.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: a gateway for the codes is set up. Without it no session can open. */
@Readiness
@ApplicationScoped
public class SmsGatewayReady implements HealthCheck {

    @Inject
    SmsGatewayProvider gateways;

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named("sms-gateway");
        try {
            var gateway = gateways.gateway();
            return gateway == null ? answer.down().build() : answer.up().withData("provider", gateway.name()).build();
        } catch (RuntimeException e) {
            // A gateway that failed to set up (e.g. Twilio settings missing) shows here as down.
            return answer.down().build();
        }
    }
}
