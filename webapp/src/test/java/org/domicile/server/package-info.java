/**
 * Tests of a whole server process as it is run: correspondence from end to end through the API,
 * Twilio configured against a local stub, kill -9 and restart (also with the chain under load).
 */
package org.domicile.server;
