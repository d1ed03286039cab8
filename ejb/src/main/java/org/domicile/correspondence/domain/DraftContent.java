package org.domicile.correspondence.domain;

import java.util.List;
import java.util.Objects;
import org.domicile.certification.trust.PartyRef;

/** What a sender writes into a draft, each field already in its checked form. */
public record DraftContent(CorrespondenceKind kind, Subject subject, MessageText text, List<PartyRef> recipients) {
    public DraftContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        recipients = List.copyOf(recipients);
    }
}
