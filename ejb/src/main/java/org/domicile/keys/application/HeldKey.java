package org.domicile.keys.application;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A user's private key, unwrapped, with its certificate. Never leaves the server. */
public record HeldKey(PrivateKey key, X509Certificate certificate) {
    @Override
    public String toString() {
        return "HeldKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
