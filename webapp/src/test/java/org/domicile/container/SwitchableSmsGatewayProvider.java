package org.domicile.container;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.sms.PhoneMask;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsGateway;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;

/**
 * The configured gateway (the local outbox), except for the numbers a test cuts off: to those
 * the gateway answers with the failure the test chose, as a provider outage or a refused number
 * would, or takes the message and then breaks off without an answer, as a connection lost after
 * the request was written would. A globally
 * enabled alternative like {@link MovableTimeSource}; every other number, and so every other
 * test, goes through unchanged.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SwitchableSmsGatewayProvider extends SmsGatewayProvider {

    private final Map<String, SmsException.Kind> cutOff = new ConcurrentHashMap<>();
    private final Set<String> breakOff = ConcurrentHashMap.newKeySet();

    /** From now on, sending to {@code e164} fails as retryable (UNAVAILABLE). */
    public void cutOff(String e164) {
        cutOff(e164, SmsException.Kind.UNAVAILABLE);
    }

    /** From now on, sending to {@code e164} fails with {@code kind}. */
    public void cutOff(String e164, SmsException.Kind kind) {
        cutOff.put(e164, kind);
    }

    /** From now on, a message to {@code e164} leaves, and then the gateway fails without saying so. */
    public void breakOffAfterSending(String e164) {
        breakOff.add(e164);
    }

    public void reconnect(String e164) {
        cutOff.remove(e164);
        breakOff.remove(e164);
    }

    @Override
    public SmsGateway gateway() {
        SmsGateway configured = super.gateway();
        return new SmsGateway() {
            @Override
            public SmsReceipt send(SmsMessage message) throws SmsException {
                SmsException.Kind failure = cutOff.get(message.to());
                if (failure != null) {
                    throw new SmsException(failure, "test gateway: " + PhoneMask.mask(message.to()) + " is cut off");
                }
                SmsReceipt receipt = configured.send(message);
                if (breakOff.contains(message.to())) {
                    throw new IllegalStateException("test gateway: the connection broke before the answer");
                }
                return receipt;
            }

            @Override
            public String name() {
                return configured.name();
            }
        };
    }
}
