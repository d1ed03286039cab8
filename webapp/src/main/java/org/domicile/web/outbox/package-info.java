/**
 * The simulated phone of the embedded default: the local outbox's text messages, shown only on
 * this machine and only while the outbox is the SMS gateway.
 */
package org.domicile.web.outbox;
