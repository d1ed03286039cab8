package org.domicile.sms;

/**
 * Sends one text message to one mobile number. Implementations are chosen by configuration
 * through {@link SmsGateways}; callers depend only on this interface.
 *
 * <p>Implementations never retry on their own: the caller owns retry and back-off policy,
 * using {@link SmsException#retryable()} to decide.
 */
public interface SmsGateway {

    /**
     * Hands the message to the provider.
     *
     * @return the provider's id and the status it reported when accepting the message
     * @throws SmsException if the provider refused the message or could not be reached
     */
    SmsReceipt send(SmsMessage message) throws SmsException;

    /** Short provider name, as used in configuration: {@code "twilio"} or {@code "outbox"}. */
    String name();
}
