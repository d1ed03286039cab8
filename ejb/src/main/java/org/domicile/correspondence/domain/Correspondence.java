package org.domicile.correspondence.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.identity.domain.AccountId;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.NotFoundException;

/**
 * A correspondence in its sender's office. It guards its own life: any change to a draft
 * (kind, subject, text, recipients, attachments) drops a previous validation; {@link #validate}
 * freezes the digest of what will be sealed; only a validated correspondence whose content still
 * has that digest can be submitted, with a code confirmed for exactly that digest; once
 * submitted it never changes again and cannot be deleted. Drafts are kept until sent or deleted.
 */
@Entity
@Table(name = "correspondence")
public class Correspondence {

    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_ATTACHMENTS = 20;
    public static final long MAX_TOTAL_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    @Id
    private String id;
    @Column(name = "sender_id")
    private String senderId;
    @Enumerated(EnumType.STRING)
    private CorrespondenceKind kind;
    private String subject;
    private String body;
    @ElementCollection
    @CollectionTable(name = "correspondence_recipient", joinColumns = @JoinColumn(name = "correspondence_id"))
    @OrderColumn(name = "ordinal")
    private List<Recipient> recipients = new ArrayList<>();
    @OneToMany(mappedBy = "correspondence", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<Attachment> attachments = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private CorrespondenceStatus status;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "updated_at")
    private long updatedAt;
    @Column(name = "validated_at")
    private Long validatedAt;
    @Column(name = "validated_digest")
    private String validatedDigest;
    @Column(name = "sending_challenge_id")
    private String sendingChallengeId;
    @Column(name = "submitted_at")
    private Long submittedAt;
    @Column(name = "archived_at")
    private Long archivedAt;
    @Column(name = "retain_until")
    private Long retainUntil;
    @Column(name = "stop_reason")
    private String stopReason;
    @Version
    private long version;

    protected Correspondence() {
    }

    /** A new draft in the office of {@code sender}. */
    public static Correspondence draft(AccountId sender, DraftContent content, Instant now) {
        var c = new Correspondence();
        c.id = CorrespondenceId.newId().value();
        c.senderId = sender.value();
        c.status = CorrespondenceStatus.DRAFT;
        c.createdAt = now.toEpochMilli();
        c.write(content, now);
        return c;
    }

    /** Replaces what the sender wrote; a previous validation no longer holds. */
    public void edit(DraftContent content, Instant now) {
        requireEditable();
        write(content, now);
    }

    private void write(DraftContent content, Instant now) {
        checkRecipients(content.recipients());
        this.kind = content.kind();
        this.subject = content.subject().value();
        this.body = content.text().value();
        // The order column keeps the sender's order; rows are matched by party, so a new order
        // only updates the ordinals.
        recipients.clear();
        content.recipients().forEach(p -> recipients.add(new Recipient(p)));
        changed(now);
    }

    private void checkRecipients(List<PartyRef> parties) {
        if (parties.isEmpty()) {
            throw new BadInputException("recipients", "Recipients: choose at least one recipient.");
        }
        if (parties.size() > MAX_RECIPIENTS) {
            throw new BadInputException("recipients", "Recipients: at most " + MAX_RECIPIENTS + " per correspondence.");
        }
        var seen = new HashSet<PartyRef>();
        for (PartyRef p : parties) {
            if (p.kind() == PartyKind.OPERATOR) {
                throw new BadInputException("recipients", "Recipients: choose users or organisations of the directory.");
            }
            if (p.kind() == PartyKind.USER && p.id().equals(senderId)) {
                throw new BadInputException("recipients", "Recipients: you cannot send a correspondence to yourself.");
            }
            if (!seen.add(p)) {
                throw new BadInputException("recipients", "Recipients: a recipient is chosen twice.");
            }
        }
    }

    /**
     * Adds a file whose content has been inspected. Limits: {@value #MAX_ATTACHMENTS} files and
     * 25 MB in all per correspondence; no two files with the same name, none named like the text part.
     */
    public Attachment addAttachment(AttachmentName name, ContentType type, long size, String sha256, Instant now) {
        requireEditable();
        if (attachments.size() >= MAX_ATTACHMENTS) {
            throw new BadInputException("file", "\"" + name.value() + "\" was not added: a correspondence holds at most "
                    + MAX_ATTACHMENTS + " files.");
        }
        if (attachmentBytes() + size > MAX_TOTAL_ATTACHMENT_BYTES) {
            throw new BadInputException("file", "\"" + name.value() + "\" was not added: the files of a correspondence"
                    + " may not exceed 25 MB in all.");
        }
        if (name.sameAs(ContentManifest.TEXT_PART)) {
            throw new BadInputException("file", "File name: \"" + ContentManifest.TEXT_PART
                    + "\" is the name of the text of the correspondence. Rename the file.");
        }
        if (attachments.stream().anyMatch(a -> name.sameAs(a.fileName()))) {
            throw new BadInputException("file", "File name: this correspondence already has a file named \""
                    + name.value() + "\". Rename one of them.");
        }
        int seq = attachments.stream().mapToInt(Attachment::seq).max().orElse(0) + 1;
        var attachment = new Attachment(this, seq, name, type, size, sha256, now);
        attachments.add(attachment);
        changed(now);
        return attachment;
    }

    /** Removes a file; returns it (its content is the caller's to delete). */
    public Attachment removeAttachment(String attachmentId, Instant now) {
        requireEditable();
        Attachment found = attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("This correspondence has no such file."));
        attachments.remove(found);
        changed(now);
        return found;
    }

    /** Computes and freezes what will be sealed. */
    public ContentManifest validate(Instant now) {
        requireEditable();
        ContentManifest manifest = manifest();
        this.status = CorrespondenceStatus.VALIDATED;
        this.validatedDigest = manifest.digestHex();
        this.validatedAt = now.toEpochMilli();
        return manifest;
    }

    /**
     * The manifest of a correspondence that may be sent now: validated, and its content still has
     * the validated digest. Anything else is a clear refusal.
     */
    public ContentManifest readyToSend() {
        requireEditable();
        if (status != CorrespondenceStatus.VALIDATED) {
            throw new DomicileException("Validate the correspondence first: you must see what will be sealed"
                    + " before you send it.");
        }
        ContentManifest manifest = manifest();
        if (!manifest.digestHex().equals(validatedDigest)) {
            throw new DomicileException("The content has changed since it was validated. Validate it again.");
        }
        return manifest;
    }

    /** The correspondence session for it has begun: only a code sent by that challenge can submit it. */
    public void sendingStarted(String challengeId) {
        readyToSend();
        this.sendingChallengeId = challengeId;
    }

    public boolean isSendingChallenge(String challengeId) {
        return sendingChallengeId != null && sendingChallengeId.equals(challengeId);
    }

    /**
     * The sender typed the code confirmed for {@code confirmedDigest}: it must be the digest
     * validated, and the content must still have it. From now on nothing changes.
     */
    public void submit(byte[] confirmedDigest, Instant now) {
        ContentManifest manifest = readyToSend();
        if (!MessageDigest.isEqual(manifest.digest(), confirmedDigest)) {
            throw new DomicileException("The code was confirmed for another content. Validate again and ask"
                    + " for a new code.");
        }
        this.status = CorrespondenceStatus.SUBMITTED;
        this.submittedAt = now.toEpochMilli();
    }

    /** The chain's first step was countersigned. */
    public void processing() {
        requireState(CorrespondenceStatus.SUBMITTED);
        this.status = CorrespondenceStatus.PROCESSING;
    }

    /** Protected: the plain text is no longer kept (the sealed content holds it, encrypted). */
    public void forgetPlainText() {
        this.body = "";
    }

    /** In the recipients' offices. */
    public void delivered(Instant now) {
        requireState(CorrespondenceStatus.PROCESSING);
        this.status = CorrespondenceStatus.DELIVERED;
        this.updatedAt = now.toEpochMilli();
    }

    /** Archived with its evidence, kept until {@code retainUntil}. */
    public void archived(Instant now, Instant retainUntil) {
        requireState(CorrespondenceStatus.DELIVERED);
        this.status = CorrespondenceStatus.ARCHIVED;
        this.archivedAt = now.toEpochMilli();
        this.retainUntil = retainUntil.toEpochMilli();
        this.updatedAt = now.toEpochMilli();
    }

    /** The chain stopped: a check failed. */
    public void stopped(String reason, Instant now) {
        this.status = CorrespondenceStatus.STOPPED;
        this.stopReason = reason;
        this.updatedAt = now.toEpochMilli();
    }

    private void requireState(CorrespondenceStatus expected) {
        if (status != expected) {
            throw new IllegalStateException(this + " is " + status + ", not " + expected);
        }
    }

    public Optional<Instant> archivedAt() {
        return Optional.ofNullable(archivedAt).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> retainUntil() {
        return Optional.ofNullable(retainUntil).map(Instant::ofEpochMilli);
    }

    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Drafts may be deleted; a submitted correspondence may not. */
    public void requireDeletable() {
        requireEditable();
    }

    private void requireEditable() {
        if (!status.isEditable()) {
            throw new NotEditableException();
        }
    }

    private void changed(Instant now) {
        this.updatedAt = now.toEpochMilli();
        this.status = CorrespondenceStatus.DRAFT;
        this.validatedDigest = null;
        this.validatedAt = null;
    }

    /** The manifest of the content as it is now (validated or not). */
    public ContentManifest manifest() {
        return ContentManifest.of(kind, new Subject(subject), recipients(), new MessageText(body),
                attachments.stream().map(Attachment::part).toList());
    }

    public long attachmentBytes() {
        return attachments.stream().mapToLong(Attachment::size).sum();
    }

    public Optional<Attachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    public CorrespondenceId id() {
        return new CorrespondenceId(id);
    }

    public AccountId sender() {
        return new AccountId(senderId);
    }

    public boolean isSentBy(AccountId account) {
        return senderId.equals(account.value());
    }

    public CorrespondenceKind kind() {
        return kind;
    }

    public Subject subject() {
        return new Subject(subject);
    }

    public MessageText text() {
        return new MessageText(body);
    }

    /** In the order the sender chose. */
    public List<PartyRef> recipients() {
        return recipients.stream().map(Recipient::party).toList();
    }

    /** In the order added. */
    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    public CorrespondenceStatus status() {
        return status;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant updatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }

    /** Its line in a list: state and counts, without text or files. */
    public CorrespondenceSummary summary() {
        return new CorrespondenceSummary(id(), kind, subject, status, recipients.size(), attachments.size(),
                updatedAt());
    }

    /** The digest frozen by the last validation, while it holds. */
    public Optional<String> validatedDigest() {
        return Optional.ofNullable(validatedDigest);
    }

    public Optional<Instant> validatedAt() {
        return Optional.ofNullable(validatedAt).map(Instant::ofEpochMilli);
    }

    /** The challenge of the latest correspondence session (after submission: the one that confirmed it). */
    public Optional<String> sendingChallengeId() {
        return Optional.ofNullable(sendingChallengeId);
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt).map(Instant::ofEpochMilli);
    }

    public boolean hidesSenderAndSubjectUntilAcceptance() {
        return kind.hidesSenderAndSubjectUntilAcceptance();
    }

    @Override
    public String toString() {
        return "Correspondence[" + id + ", " + kind + ", " + status + "]";
    }
}
