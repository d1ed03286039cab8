/**
 * Callbacks from the SMS provider (Twilio delivery reports). They carry no bearer token: each is
 * trusted only when the provider's request signature checks out.
 */
package org.domicile.api.sms;
