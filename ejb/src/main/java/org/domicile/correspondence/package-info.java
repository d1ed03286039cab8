/**
 * Correspondence written in a private office: drafts with their recipients and attachments,
 * validation (the sender sees exactly what will be sealed, with its digest) and the
 * correspondence session that confirms it with a code bound to that digest (SPEC §2, §3).
 * The processing chain that follows submission lives elsewhere.
 */
package org.domicile.correspondence;
