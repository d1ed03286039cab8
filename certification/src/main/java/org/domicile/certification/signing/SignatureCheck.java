package org.domicile.certification.signing;

import java.security.Signature;
import java.security.cert.X509Certificate;

/** Verifies SHA256withECDSA signatures against a certificate's public key. */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /**
     * Whether {@code signature} is a valid SHA256withECDSA signature of {@code data} by the key in
     * {@code cert}. Returns false, never throws, for any bad or missing input: a verifier answers only
     * "proven" or "not proven".
     */
    public static boolean verify(X509Certificate cert, byte[] data, byte[] signature) {
        if (cert == null || data == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(Crypto.SIGNATURE_ALGORITHM, Crypto.provider());
            verifier.initVerify(cert.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (Exception e) {
            // Malformed signature encodings, wrong key types, provider errors: all mean "not verified".
            return false;
        }
    }
}
