/**
 * The recipient's pages: the inbox, one received correspondence with its handover session
 * (accept or refuse with a code), the archive search, and each correspondence's evidence
 * (timeline and bundle download) for its sender and recipients.
 */
package org.domicile.web.inbox;
