package org.domicile.web.correspondence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import org.domicile.correspondence.application.SenderOffice;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.correspondence.domain.CorrespondenceSummary;

/**
 * What an office has sent, most recently changed first. The application layer lists drafts only;
 * until it lists sent correspondence too, this asks the repository for every state that is no
 * longer editable, so the states the processing chain adds later are listed as well.
 */
@ApplicationScoped
@Transactional
public class SentCorrespondence {

    private static final List<CorrespondenceStatus> SENT = Arrays.stream(CorrespondenceStatus.values())
            .filter(s -> !s.isEditable()).toList();

    @Inject
    SenderOffice office;

    @Inject
    CorrespondenceRepository repository;

    public List<CorrespondenceSummary> of(String senderAccountId, int limit) {
        return repository.ofSender(office.sender(senderAccountId).id(), SENT, limit);
    }
}
