/** Key store outside the database, and trust attributes read from the database. */
package org.domicile.trust.infrastructure;
