package org.domicile.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: if this answers, the application is deployed and its container alive. */
@Liveness
@ApplicationScoped
public class ApplicationAlive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("domicile");
    }
}
