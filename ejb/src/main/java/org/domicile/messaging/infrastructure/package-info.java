/** Builds the configured {@link org.domicile.sms.SmsGateway} once per server. */
package org.domicile.messaging.infrastructure;
