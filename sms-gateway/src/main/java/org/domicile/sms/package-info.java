/**
 * Sending text messages (one-time codes, notices) through a pluggable {@link org.domicile.sms.SmsGateway}:
 * Twilio in production, a local outbox file on a developer machine. {@link org.domicile.sms.SmsGateways} picks one.
 */
package org.domicile.sms;
