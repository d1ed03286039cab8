/**
 * Writing and sending correspondence from the private office: drafts, the compose page with its
 * recipients and files, validation (what will be sealed), the code that confirms the sending,
 * and the list of what was sent.
 */
package org.domicile.web.correspondence;
