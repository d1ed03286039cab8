package org.domicile.certification.protect;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.CmsVerifier;

/**
 * The sender's seal on a correspondence's content (the SEAL step): attached CMS SignedData over the
 * content, in the same form as tokens and evidence, so {@code openssl cms -verify} checks it too.
 */
public final class ContentSeal {

    private ContentSeal() {
    }

    /** The sealed content: DER CMS SignedData encapsulating {@code content}, signed by the sender. */
    public static byte[] seal(byte[] content, CmsSigner senderSigner) {
        if (content == null || senderSigner == null) {
            throw new IllegalArgumentException("sealing needs the content and the sender's signer");
        }
        return senderSigner.sign(content);
    }

    /**
     * The content of a seal that verifies against the verifier's CA. Use {@link CmsVerifier#verify} directly
     * to learn who sealed it and when.
     *
     * @throws CmsException if the seal does not verify
     */
    public static byte[] unseal(byte[] sealed, CmsVerifier verifier) {
        if (verifier == null) {
            throw new IllegalArgumentException("unsealing needs a verifier");
        }
        return verifier.verify(sealed).content();
    }
}
