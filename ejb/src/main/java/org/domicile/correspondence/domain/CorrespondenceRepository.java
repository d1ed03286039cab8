package org.domicile.correspondence.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domicile.identity.domain.AccountId;

/** Where correspondence and the bytes of its attachments are kept. */
public interface CorrespondenceRepository {

    Optional<Correspondence> find(CorrespondenceId id);

    /** The state and counts of a correspondence of {@code sender}, in one read; empty for any other id. */
    Optional<CorrespondenceSummary> summaryOf(CorrespondenceId id, AccountId sender);

    /** Those of these ids that exist, in one read, by id. */
    Map<String, Correspondence> findAll(Collection<String> ids);

    /** The correspondence, locked against concurrent changes until the transaction ends. */
    Optional<Correspondence> lock(CorrespondenceId id);

    void add(Correspondence correspondence);

    /** Removes a correspondence with its recipients, attachments and their contents. */
    void remove(Correspondence correspondence);

    /** Stores the bytes of an attachment just added to its correspondence. */
    void storeContent(AttachmentContent content);

    Optional<AttachmentContent> content(String attachmentId);

    /** Removes the bytes of an attachment that is being removed. */
    void removeContent(String attachmentId);

    /** Stores the protected content of a correspondence (once). */
    void storeSealed(SealedContent content);

    /** The protected content, once the PROTECT step has run. */
    Optional<SealedContent> sealed(CorrespondenceId id);

    /** Serialises the uploads of one office, so that its quota cannot be overrun by parallel requests. */
    void lockOffice(AccountId sender);

    /** Bytes of all attachments in the sender's correspondence that is not sent yet. */
    long attachmentBytesInDrafts(AccountId sender);

    /** The sender's correspondence in these states, most recently changed first. */
    List<CorrespondenceSummary> ofSender(AccountId sender, List<CorrespondenceStatus> states, int limit);
}
