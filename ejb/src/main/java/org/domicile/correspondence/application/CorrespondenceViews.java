package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.domicile.correspondence.domain.Attachment;
import org.domicile.correspondence.domain.Correspondence;

/** Turns a correspondence into what its sender's office shows, with recipients named from the directory. */
@ApplicationScoped
public class CorrespondenceViews {

    @Inject
    RecipientBook recipients;

    @EJB
    SealedContents sealed;

    /** The text of a protected correspondence is opened with the sender's key. */
    public CorrespondenceView of(Correspondence c) {
        String text = !c.status().isEditable() && sealed.isSealed(c) ? sealed.text(c, c.sender().value())
                : c.text().value();
        return new CorrespondenceView(c.id().value(), c.kind(), c.kind().requiredLevel(), c.subject().value(),
                text, c.recipients().stream().map(recipients::view).toList(),
                c.attachments().stream().map(CorrespondenceViews::of).toList(), c.status(), c.createdAt(),
                c.updatedAt(), c.validatedDigest(), c.submittedAt(), c.stopReason());
    }

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id(), a.fileName(), a.mediaType(), a.size(), a.sha256(), a.addedAt());
    }
}
