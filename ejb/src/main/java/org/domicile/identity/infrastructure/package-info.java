/** JPA repository, password hashing (Argon2id) and the list of common passwords. */
package org.domicile.identity.infrastructure;
