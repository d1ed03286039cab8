package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.PartyAssurance;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.chain.domain.ChainArtifact;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.evidence.application.EvidenceLedger;
import org.domicile.evidence.domain.EvidenceEntry;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;

/**
 * What every evidence record of a correspondence states (SPEC §4): sender, recipients, message id,
 * the digest of every content part (from the manifest stored at SUBMIT) and the assurance level and
 * authentication method of each party at the time of the event.
 */
@Stateless
public class ChainFacts {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    EvidenceLedger ledger;

    @Inject
    AccountRepository accounts;

    /** Issues the evidence of {@code event}; {@code recipientId} when it concerns one recipient only. */
    public EvidenceEntry evidence(Correspondence c, EvidenceEvent event, Instant at, String reason,
                                  String recipientId) {
        List<String> recipients = recipientIds(c);
        var assurance = new ArrayList<PartyAssurance>();
        assurance.add(assurance(c.sender().value()));
        for (String r : recipientId == null ? recipients : List.of(recipientId)) {
            assurance.add(assurance(r));
        }
        return ledger.issue(new EvidenceLedger.Event(c.id().value(), event, at, c.sender().value(),
                recipientId == null ? recipients : List.of(recipientId), contentDigests(c), assurance, reason,
                recipientId));
    }

    /** Part name to SHA-256, from the manifest stored at SUBMIT (the plain content may be gone). */
    public Map<String, String> contentDigests(Correspondence c) {
        ChainArtifact manifest = em.find(ChainArtifact.class,
                new ChainArtifact.Key(c.id().value(), ChainArtifact.MANIFEST));
        List<ContentManifest.Part> parts = manifest != null ? ContentManifest.partsOf(manifest.bytes())
                : c.manifest().parts();
        var digests = new LinkedHashMap<String, String>();
        parts.forEach(p -> digests.put(p.name(), p.sha256()));
        return digests;
    }

    public static List<String> recipientIds(Correspondence c) {
        return c.recipients().stream().map(PartyRef::id).toList();
    }

    private PartyAssurance assurance(String accountId) {
        TrustLevel level = accounts.find(new org.domicile.identity.domain.AccountId(accountId))
                .map(Account::trustLevel).orElse(TrustLevel.NONE);
        return new PartyAssurance(accountId, level, EvidenceLedger.USER_AUTHENTICATION);
    }
}
