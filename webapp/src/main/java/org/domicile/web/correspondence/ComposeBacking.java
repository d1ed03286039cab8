package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.domicile.correspondence.application.AttachmentView;
import org.domicile.correspondence.application.CorrespondenceView;
import org.domicile.correspondence.application.DraftForm;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.application.Validation;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * Writing a draft: kind, subject, text, recipients ({@link RecipientPicker}) and files. Every
 * button that reaches the service saves what the page shows first, so what is validated is what
 * the sender sees; a refused request changes nothing and says why, beside the field concerned.
 */
@Named
@ViewScoped
public class ComposeBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = RecipientPicker.FORM;

    @EJB
    Drafts drafts;

    @EJB
    Validation validation;

    @Inject
    RecipientPicker recipients;

    @Inject
    CorrespondenceLabels labels;

    @Inject
    CurrentUser user;

    private String id;
    private String kind = CorrespondenceKind.SIMPLE.name();
    private String subject;
    private String text;
    private transient Part file;
    /** What the service holds now, as a form: saving it unchanged would only drop a validation. */
    private DraftForm stored;
    private List<AttachmentView> attachments = List.of();
    private CorrespondenceStatus status;
    private boolean unknown;
    private boolean confirmingDelete;

    /** View action: an existing draft of this office, or a new one when there is no id. */
    public String load() {
        if (id == null || id.isBlank()) {
            id = null;
            return null;
        }
        try {
            CorrespondenceView c = drafts.get(me(), id, ClientAddress.current());
            if (!c.status().isEditable()) {
                return CorrespondenceBacking.outcome(c.id());
            }
            show(c);
        } catch (DomicileException e) {
            id = null;
            unknown = true;
            Messages.error(e.getMessage());
        }
        return null;
    }

    public String save() {
        boolean created = id == null;
        try {
            store();
            Messages.info("The draft is saved.");
            attachChosenFile();
        } catch (DomicileException e) {
            Messages.refusal(FORM, e);
        }
        return stay(created);
    }

    public String upload() {
        if (!chosen(file)) {
            Messages.refusal(FORM, new BadInputException("file", "Choose a file."));
            return null;
        }
        return save();
    }

    public String removeAttachment(AttachmentView attachment) {
        try {
            store();
            drafts.removeAttachment(me(), id, attachment.id(), ClientAddress.current());
            Messages.info("\u201c" + attachment.fileName() + "\u201d was removed.");
            show(drafts.get(me(), id, ClientAddress.current()));
        } catch (DomicileException e) {
            Messages.refusal(FORM, e);
        }
        return null;
    }

    /** Saves, then freezes the content digest and shows what will be sealed. */
    public String validate() {
        boolean created = id == null;
        try {
            store();
            attachChosenFile();
            var view = validation.validate(me(), id, ClientAddress.current());
            ValidateBacking.handOver(view);
            return ValidateBacking.outcome(id);
        } catch (DomicileException e) {
            Messages.refusal(FORM, e);
            return stay(created);
        }
    }

    /** Deleting asks first: without scripts, the question is a second button. */
    public void askDelete() {
        confirmingDelete = true;
        Messages.info("Delete this draft and its files? This cannot be undone.");
    }

    public void keep() {
        confirmingDelete = false;
    }

    public String delete() {
        confirmingDelete = false;
        try {
            drafts.delete(me(), id, ClientAddress.current());
            Messages.info("The draft \u201c" + stored.subject() + "\u201d was deleted with its files.");
            Messages.keepForRedirect();
            return "/office/drafts.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
            return null;
        }
    }

    private void store() {
        var form = new DraftForm(kind, subject, text, recipients.keys());
        if (id != null && form.equals(stored)) {
            return;
        }
        show(id == null ? drafts.create(me(), form, ClientAddress.current())
                : drafts.edit(me(), id, form, ClientAddress.current()));
    }

    /** Adds the file chosen on the page, if any, to the saved draft. */
    private void attachChosenFile() {
        Part chosen = file;
        file = null;
        if (!chosen(chosen)) {
            return;
        }
        try (InputStream content = chosen.getInputStream()) {
            var added = drafts.addAttachment(me(), id, chosen.getSubmittedFileName(), content, ClientAddress.current());
            Messages.info("\u201c" + added.fileName() + "\u201d was added (" + labels.size(added.size()) + ").");
        } catch (IOException e) {
            throw new BadInputException("file", "The file could not be read. Please try again.");
        } finally {
            show(drafts.get(me(), id, ClientAddress.current()));
        }
    }

    /** A new draft gets its own address once saved, so that reloading the page shows it again. */
    private String stay(boolean created) {
        if (created && id != null) {
            Messages.keepForRedirect();
            return outcome(id);
        }
        return null;
    }

    private void show(CorrespondenceView c) {
        id = c.id();
        kind = c.kind().name();
        subject = c.subject();
        text = c.text();
        attachments = c.attachments();
        status = c.status();
        recipients.show(c.recipients());
        stored = new DraftForm(kind, subject, text, recipients.keys());
    }

    private static boolean chosen(Part part) {
        return part != null && part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank();
    }

    private String me() {
        return user.principal().accountId();
    }

    static String outcome(String correspondenceId) {
        return "/office/compose.xhtml?faces-redirect=true&id=" + correspondenceId;
    }

    public boolean isExisting() {
        return id != null;
    }

    /** An id was asked for that is not a draft of this office: the page offers nothing to edit. */
    public boolean isUnknown() {
        return unknown;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public boolean isValidated() {
        return status == CorrespondenceStatus.VALIDATED;
    }

    public List<AttachmentView> getAttachments() {
        return attachments;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
