package org.domicile.session.domain;

/** Why an office session ended. */
public enum EndReason {
    LOGOUT, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT, TRUST_LOWERED, ACCOUNT_DISABLED
}
