package org.domicile.certification.token;

import java.util.HexFormat;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.signing.Crypto;

/**
 * Signs and opens certification tokens. A token is the DER CMS SignedData of its canonical JSON; its chain
 * digest is the SHA-256 of those DER bytes.
 */
public final class CertificationTokens {

    /** The key id ("issuer") of the certification server; operators use their operator id. */
    public static final String CERTIFICATION_SERVER = "certification-server";

    private static final int TOKEN_ID_BYTES = 16;

    private CertificationTokens() {
    }

    /** The signed token: DER CMS SignedData over {@code content.toJson()}. */
    public static byte[] sign(TokenContent content, CmsSigner signer) {
        if (content == null || signer == null) {
            throw new IllegalArgumentException("signing a token needs its content and a signer");
        }
        return signer.sign(content.toJson());
    }

    /**
     * Verifies the token's signature and reads its content. Who may sign which token is checked by
     * {@link ChainCheck}, which knows the issuers' certificates.
     *
     * @throws CmsException             if the signature, structure or signer certificate does not verify
     * @throws IllegalArgumentException if the signed content is not valid token JSON
     */
    public static VerifiedToken open(byte[] token, CmsVerifier verifier) {
        if (verifier == null) {
            throw new IllegalArgumentException("opening a token needs a verifier");
        }
        CmsVerifier.Verified verified = verifier.verify(token);
        return new VerifiedToken(TokenContent.fromJson(verified.content()), verified.signer(), digestOf(token));
    }

    /** The chain digest of a token: lowercase hex SHA-256 of its DER bytes. */
    public static String digestOf(byte[] token) {
        return Sha256.hexOf(token);
    }

    /** A fresh random token id (128 bits, lowercase hex). */
    public static String newTokenId() {
        byte[] bytes = new byte[TOKEN_ID_BYTES];
        Crypto.random().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
