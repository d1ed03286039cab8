package org.domicile.correspondence.domain;

/**
 * Where a correspondence stands, as its sender sees it. Only the states listed in
 * {@link #isEditable()} allow changes; from {@link #SUBMITTED} on, only the processing chain moves it.
 */
public enum CorrespondenceStatus {
    /** Being written; kept until sent or deleted. */
    DRAFT,
    /** Validated: its content digest is frozen until the next change. */
    VALIDATED,
    /** Confirmed with the code bound to its digest; handed to the processing chain. Never changes again. */
    SUBMITTED,
    /** In the processing chain (sealed, time-stamped, protected, charged). */
    PROCESSING,
    /** In the recipients' offices, waiting for their answers (accept or refuse) until the deadline. */
    DELIVERED,
    /** Every recipient answered or the deadline passed; kept in both archives with its evidence. */
    ARCHIVED,
    /** A check of the chain failed: nothing more happens; the reason is recorded. */
    STOPPED;

    /** Whether content may still change (and the correspondence be deleted). */
    public boolean isEditable() {
        return this == DRAFT || this == VALIDATED;
    }
}
