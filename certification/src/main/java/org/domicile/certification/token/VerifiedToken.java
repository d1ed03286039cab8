package org.domicile.certification.token;

import java.security.cert.X509Certificate;

/**
 * A token whose signature verified: what it says, who signed it, and its chain digest.
 *
 * @param content what the token says
 * @param signer  the certificate that signed it (issued by the trusted CA)
 * @param digest  lowercase hex SHA-256 of the token's DER bytes, as later tokens refer to it
 */
public record VerifiedToken(TokenContent content, X509Certificate signer, String digest) {

    public VerifiedToken {
        if (content == null || signer == null || digest == null) {
            throw new IllegalArgumentException("a verified token needs content, signer and digest");
        }
    }
}
