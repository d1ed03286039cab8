package org.domicile.chain.domain;

/** Where a chain stands. */
public enum ChainState {
    /** A step is due (or under way). */
    RUNNING,
    /** Delivered; the HANDOVER step waits for the recipients' answers or the deadline. */
    WAITING,
    /** Archived: every step countersigned. */
    DONE,
    /** A check failed: the chain stopped with a recorded reason. */
    STOPPED
}
