package org.domicile.correspondence.application;

import java.util.List;

/**
 * What a sender types into a draft: the kind (SIMPLE, REGISTERED, REGISTERED_WITH_ACKNOWLEDGEMENT),
 * subject, text and the directory keys of the recipients ("USER:id", "ORGANISATION:id"), in order.
 * The text is confidential: {@link #toString()} leaves it out.
 */
public record DraftForm(String kind, String subject, String text, List<String> recipients) {
    public DraftForm {
        recipients = recipients == null ? List.of() : recipients.stream().toList();
    }

    @Override
    public String toString() {
        return "DraftForm[" + kind + ", " + recipients.size() + " recipient(s)]";
    }
}
