package org.domicile.messaging.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.domicile.platform.DomicileSettings;
import org.domicile.sms.SmsGateway;
import org.domicile.sms.SmsGateways;
import org.domicile.sms.SmsSettings;
import org.domicile.sms.outbox.OutboxEntry;
import org.domicile.sms.outbox.OutboxSmsGateway;

/**
 * The gateway this server sends through, chosen by {@code domicile.sms.provider}:
 * {@code outbox} (default: a file in the data folder, the simulated phone) or {@code twilio}.
 */
@ApplicationScoped
public class SmsGatewayProvider {

    private static final Logger LOG = Logger.getLogger(SmsGatewayProvider.class.getName());

    @Inject
    DomicileSettings settings;

    private SmsGateway gateway;

    @PostConstruct
    void init() {
        String callback = settings.publicUrl().map(u -> u + "/api/sms/status").orElse(null);
        gateway = SmsGateways.create(new SmsSettings(settings.smsProvider(),
                settings.dataDir().resolve("outbox").resolve("sms.jsonl"),
                settings.twilioAccountSid().orElse(null), settings.twilioAuthToken().orElse(null),
                settings.twilioFrom().orElse(null), callback, settings.smsTimeout(),
                settings.twilioApiUrl().orElse(null)));
        LOG.info(() -> "Text messages go through the " + gateway.name() + " gateway");
    }

    public SmsGateway gateway() {
        return gateway;
    }

    public boolean outboxInUse() {
        return gateway instanceof OutboxSmsGateway;
    }

    /** The newest messages of the local outbox; empty when another gateway is in use. */
    public List<OutboxEntry> outbox(int limit) {
        return gateway instanceof OutboxSmsGateway outbox ? outbox.latest(limit) : List.of();
    }

    /** The newest outbox messages to one number; empty when another gateway is in use. */
    public List<OutboxEntry> outboxFor(String e164, int limit) {
        return gateway instanceof OutboxSmsGateway outbox ? outbox.latestFor(e164, limit) : List.of();
    }
}
