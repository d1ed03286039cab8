/**
 * The certification server inside the domiciliation server: trust attributes of every party,
 * signed trust decisions, the one-time secret of session opening, the internal CA and its key store.
 */
package org.domicile.trust;
