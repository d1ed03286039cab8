package org.domicile.session.domain;

/** The life of a challenge. Every state but PENDING is final: a code is good once at most. */
public enum ChallengeStatus {
    PENDING, OPENED, FAILED, EXPIRED
}
