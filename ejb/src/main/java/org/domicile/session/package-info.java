/**
 * Session opening (SPEC §2): trust check of every party, then one secret in two forms over two
 * channels; and the office sessions it opens, with their idle and absolute timeouts.
 */
package org.domicile.session;
