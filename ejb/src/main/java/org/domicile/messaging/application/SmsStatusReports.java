package org.domicile.messaging.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.domicile.audit.AuditLog;
import org.domicile.platform.DomicileSettings;
import org.domicile.sms.SmsStatus;
import org.domicile.sms.twilio.TwilioSignatureCheck;

/**
 * Takes in Twilio's delivery-status callbacks. A callback counts only if Twilio's request
 * signature checks out with our auth token; a forged one is refused and audited.
 */
@ApplicationScoped
public class SmsStatusReports {

    /** What became of a callback. */
    public enum Outcome { RECORDED, UNKNOWN_MESSAGE, FORGED, NOT_CONFIGURED }

    @Inject
    DomicileSettings settings;

    @EJB
    SmsRecords records;

    @EJB
    AuditLog audit;

    private TwilioSignatureCheck check;

    @PostConstruct
    void init() {
        check = settings.twilioAuthToken().map(TwilioSignatureCheck::new).orElse(null);
    }

    public Outcome accept(String fullUrl, Map<String, String> form, String signature, String source) {
        if (check == null) {
            return Outcome.NOT_CONFIGURED;
        }
        if (!check.isValid(fullUrl, form, signature)) {
            audit.record("twilio", "sms.status-callback", form.getOrDefault("MessageSid", "-"), "REFUSED", source,
                    "request signature does not match");
            return Outcome.FORGED;
        }
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || status == null) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        return records.reported(sid, SmsStatus.fromProvider(status)) ? Outcome.RECORDED : Outcome.UNKNOWN_MESSAGE;
    }
}
