/**
 * The embedded default gateway: the simulated phone of a developer machine. Messages are appended
 * as JSON lines to a file in the data folder, where a page of the application reads them back.
 */
package org.domicile.sms.outbox;
