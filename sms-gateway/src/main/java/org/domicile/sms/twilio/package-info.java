/**
 * The production gateway: Twilio's Programmable Messaging through the Twilio Java SDK, with bounded
 * timeouts and no hidden retries, plus the check of Twilio's signature on status callbacks.
 */
package org.domicile.sms.twilio;
