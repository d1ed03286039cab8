/**
 * Text messages to users' phones: which gateway is in use (Twilio or the local outbox), caps
 * per number, the record of every message and its delivery status.
 */
package org.domicile.messaging;
