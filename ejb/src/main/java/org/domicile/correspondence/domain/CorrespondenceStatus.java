package org.domicile.correspondence.domain;

/**
 * Where a correspondence stands. This release knows the draft states and submission; the
 * processing chain adds its own states after {@link #SUBMITTED}. Only the states listed in
 * {@link #isEditable()} allow changes, so every state added later is frozen by default.
 */
public enum CorrespondenceStatus {
    /** Being written; kept until sent or deleted. */
    DRAFT,
    /** Validated: its content digest is frozen until the next change. */
    VALIDATED,
    /** Confirmed with the code bound to its digest; handed to the processing chain. Never changes again. */
    SUBMITTED;

    /** Whether content may still change (and the correspondence be deleted). */
    public boolean isEditable() {
        return this == DRAFT || this == VALIDATED;
    }
}
