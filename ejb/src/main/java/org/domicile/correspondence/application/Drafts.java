package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import org.domicile.audit.AuditLog;
import org.domicile.correspondence.domain.Attachment;
import org.domicile.correspondence.domain.AttachmentContent;
import org.domicile.correspondence.domain.AttachmentName;
import org.domicile.correspondence.domain.ContentInspector;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.ContentType;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.correspondence.domain.DraftContent;
import org.domicile.correspondence.domain.MessageText;
import org.domicile.correspondence.domain.NotEditableException;
import org.domicile.correspondence.domain.Subject;
import org.domicile.identity.domain.Account;
import org.domicile.platform.BadInputException;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.TimeSource;

/**
 * Writing correspondence in one's office: drafts with their recipients and files. Every field is
 * checked and every problem reported at once; a refused request changes nothing. Files are
 * checked by content (SECURITY-BASELINE 27) and count against the office's quota.
 */
@Stateless
public class Drafts {

    @EJB
    SealedContents sealed;

    /** All files in one office's unsent correspondence together. */
    public static final long QUOTA_BYTES = 200L * 1024 * 1024;
    /** The longest list of drafts returned at once. */
    public static final int LIST_LIMIT = 500;

    private static final ContentInspector INSPECTOR = new ContentInspector();

    @Inject
    CorrespondenceRepository repository;

    @Inject
    SenderOffice office;

    @Inject
    RecipientBook recipients;

    @Inject
    CorrespondenceViews views;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    public CorrespondenceView create(String senderAccountId, DraftForm form, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = Correspondence.draft(sender.id(), checked(sender, form), time.now());
        repository.add(c);
        audit.recordDone(sender.loginName(), "correspondence.created", c.id().value(), source,
                c.kind() + ", " + c.recipients().size() + " recipient(s)");
        return views.of(c);
    }

    /** Replaces kind, subject, text and recipients; a previous validation no longer holds. */
    public CorrespondenceView edit(String senderAccountId, String correspondenceId, DraftForm form, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "edit", source);
        c.edit(checked(sender, form), time.now());
        audit.recordDone(sender.loginName(), "correspondence.edited", c.id().value(), source,
                c.kind() + ", " + c.recipients().size() + " recipient(s)");
        return views.of(c);
    }

    /**
     * Adds a file, read from {@code content} up to the 10 MB limit (a longer stream is refused, not
     * read to its end; closing the stream stays the caller's). Its type is found in its bytes and
     * must agree with its name.
     */
    public AttachmentView addAttachment(String senderAccountId, String correspondenceId, String fileName,
                                        InputStream content, String source) {
        Account sender = office.sender(senderAccountId);
        repository.lockOffice(sender.id());
        Correspondence c = office.forChange(sender, correspondenceId, "add a file", source);
        try {
            if (!c.status().isEditable()) {
                throw new NotEditableException();
            }
            AttachmentName name = AttachmentName.parse(fileName)
                    .orElseThrow(() -> new BadInputException(ContentInspector.FIELD, AttachmentName.RULE));
            byte[] bytes = read(name, content);
            ContentType type = INSPECTOR.inspect(name, bytes);
            long used = repository.attachmentBytesInDrafts(sender.id());
            if (used + bytes.length > QUOTA_BYTES) {
                throw new BadInputException(ContentInspector.FIELD, "\"" + name.value() + "\" was not added: the files"
                        + " of your unsent correspondence may take at most 200 MB, and " + megabytes(used)
                        + " are used. Delete some drafts or files first.");
            }
            Attachment a = c.addAttachment(name, type, bytes.length, ContentManifest.hex(ContentManifest.sha256(bytes)),
                    time.now());
            repository.storeContent(new AttachmentContent(a, bytes));
            audit.recordDone(sender.loginName(), "correspondence.file-added", c.id().value(), source,
                    a.id() + ", " + type + ", " + a.size() + " bytes, sha256 " + a.sha256());
            return CorrespondenceViews.of(a);
        } catch (BadInputException refused) {
            audit.record(sender.loginName(), "correspondence.file-added", c.id().value(), "REFUSED", source,
                    refused.getMessage());
            throw refused;
        }
    }

    public void removeAttachment(String senderAccountId, String correspondenceId, String attachmentId, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "remove a file", source);
        if (!c.status().isEditable()) {
            throw new NotEditableException();
        }
        Attachment a = c.attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("This correspondence has no such file."));
        // The bytes go first: their row refers to the attachment row removed with it.
        repository.removeContent(a.id());
        c.removeAttachment(a.id(), time.now());
        audit.recordDone(sender.loginName(), "correspondence.file-removed", c.id().value(), source, a.id());
    }

    /** Deletes a draft with its files. A sent correspondence cannot be deleted. */
    public void delete(String senderAccountId, String correspondenceId, String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forChange(sender, correspondenceId, "delete", source);
        c.requireDeletable();
        repository.remove(c);
        audit.recordDone(sender.loginName(), "correspondence.deleted", c.id().value(), source,
                c.attachments().size() + " file(s)");
    }

    /** The drafts of the office (not sent yet), most recently changed first. */
    public List<CorrespondenceSummary> mine(String senderAccountId) {
        Account sender = office.sender(senderAccountId);
        return repository.ofSender(sender.id(), List.of(CorrespondenceStatus.DRAFT, CorrespondenceStatus.VALIDATED),
                LIST_LIMIT);
    }

    /** What the office has sent (every state past the drafts), most recently changed first. */
    public List<CorrespondenceSummary> sent(String senderAccountId, int limit) {
        Account sender = office.sender(senderAccountId);
        return repository.ofSender(sender.id(), java.util.Arrays.stream(CorrespondenceStatus.values())
                .filter(s -> !s.isEditable()).toList(), Math.max(1, Math.min(limit, LIST_LIMIT)));
    }

    /**
     * The state of one correspondence of the office, draft or sent, without its text or files: what
     * a client that follows a correspondence reads (nothing is decrypted for it).
     */
    public CorrespondenceSummary summary(String senderAccountId, String correspondenceId, String source) {
        return office.summaryOf(senderAccountId, correspondenceId, "read the state", source);
    }

    /** One correspondence of the office, draft or sent. */
    public CorrespondenceView get(String senderAccountId, String correspondenceId, String source) {
        Account sender = office.sender(senderAccountId);
        return views.of(office.forReading(sender, correspondenceId, "read", source));
    }

    /** The bytes of one file of a correspondence of the office. */
    public AttachmentDownload attachment(String senderAccountId, String correspondenceId, String attachmentId,
                                         String source) {
        Account sender = office.sender(senderAccountId);
        Correspondence c = office.forReading(sender, correspondenceId, "download a file", source);
        Attachment a = c.attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("This correspondence has no such file."));
        // Once protected, the file is read from the sealed content with the sender's key.
        byte[] bytes = repository.content(a.id()).map(AttachmentContent::bytes)
                .or(() -> java.util.Optional.ofNullable(sealed.isSealed(c)
                        ? sealed.open(c, sender.id().value()).get(a.fileName()) : null))
                .orElseThrow(() -> new NotFoundException("This correspondence has no such file."));
        return new AttachmentDownload(a.fileName(), a.mediaType(), bytes);
    }

    private DraftContent checked(Account sender, DraftForm form) {
        var errors = new LinkedHashMap<String, String>();
        var kind = CorrespondenceKind.parse(form.kind());
        if (kind.isEmpty()) {
            errors.put("kind", CorrespondenceKind.RULE);
        }
        var subject = Subject.parse(form.subject());
        if (subject.isEmpty()) {
            errors.put("subject", Subject.RULE);
        }
        var text = MessageText.parse(form.text());
        if (text.isEmpty()) {
            errors.put("text", MessageText.RULE);
        }
        var parties = recipients.resolve(sender.id(), form.recipients(), errors);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new DraftContent(kind.get(), subject.get(), text.get(), parties);
    }

    private static byte[] read(AttachmentName name, InputStream content) {
        if (content == null) {
            throw new BadInputException(ContentInspector.FIELD, "Choose a file.");
        }
        try {
            byte[] bytes = content.readNBytes((int) ContentInspector.MAX_FILE_BYTES + 1);
            if (bytes.length > ContentInspector.MAX_FILE_BYTES) {
                throw new BadInputException(ContentInspector.FIELD, "\"" + name.value()
                        + "\" is larger than 10 MB, the limit for one file.");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(ContentInspector.FIELD, "\"" + name.value()
                    + "\" could not be read. Please try again.");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
