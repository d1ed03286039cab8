/**
 * The recipient's side over JSON: his inbox, the handover session (accept or refuse with an SMS
 * code) and the content released once accepted. Same checks and messages as the office pages.
 */
package org.domicile.api.inbox;
