/** Challenges (a session opening in progress) and office sessions, each guarding its own rules. */
package org.domicile.session.domain;
