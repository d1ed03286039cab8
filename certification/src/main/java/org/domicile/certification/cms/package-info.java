/**
 * Attached CMS SignedData (RFC 5652) as every signed document of the operator is made: one ECDSA P-256 /
 * SHA-256 signer, signed attributes contentType, messageDigest and signingTime, the signer certificate
 * included; DER, so {@code openssl cms -verify} checks it with only the CA certificate.
 */
package org.domicile.certification.cms;
