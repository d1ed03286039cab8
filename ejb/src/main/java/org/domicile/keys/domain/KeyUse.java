package org.domicile.keys.domain;

import org.domicile.certification.ca.CertificateProfile;

/** What a user's key pair is for; each use has its own pair and certificate profile. */
public enum KeyUse {
    /** Signs the user's seal on what he sends (SEAL step). */
    SEAL(CertificateProfile.SIGNING),
    /** Opens content keys wrapped for him (PROTECT step, ECDH key agreement). */
    OPEN(CertificateProfile.KEY_ENCIPHERMENT);

    private final CertificateProfile profile;

    KeyUse(CertificateProfile profile) {
        this.profile = profile;
    }

    public CertificateProfile profile() {
        return profile;
    }
}
