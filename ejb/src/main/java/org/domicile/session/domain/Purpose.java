package org.domicile.session.domain;

/** Why a secret was sent: each purpose has its own SMS text and its own effect on success. */
public enum Purpose {
    /** Opening a session with one's own private office. */
    LOGIN,
    /** Proving that a mobile number belongs to the account. */
    PHONE_VERIFICATION,
    /** Opening a correspondence session with counterparts, bound to the content. */
    CORRESPONDENCE,
    /** Proving a new mobile number before it replaces the old one; bound to the new number. */
    MOBILE_CHANGE
}
