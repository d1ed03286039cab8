/** Signing helpers: the shared BouncyCastle provider and random source, ECDSA P-256 / SHA-256 signatures. */
package org.domicile.certification.signing;
