/** Tests of a whole server process as it is run: Twilio configured against a local stub, kill -9 and restart. */
package org.domicile.server;
