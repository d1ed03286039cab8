package org.domicile.identity.domain;

/** Where an account stands in its life. Only {@link #ACTIVE} accounts may open a session. */
public enum AccountStatus {
    /** The operator account before its one-time setup code has been used. */
    SETUP,
    /** Registered; the mobile number is not verified yet. */
    PENDING_PHONE,
    ACTIVE,
    DISABLED
}
