/**
 * The operator's RFC 3161 time-stamping authority (ECDSA P-256, SHA-256, ESSCertIDv2, certificate
 * included, nonce) and the check of its tokens per SECURITY-BASELINE rule 20.
 */
package org.domicile.certification.tsa;
