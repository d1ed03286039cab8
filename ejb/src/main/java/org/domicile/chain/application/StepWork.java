package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.protect.ContentSeal;
import org.domicile.chain.domain.ChainArtifact;
import org.domicile.chain.domain.ChainRun;
import org.domicile.correspondence.application.SealedContents;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.delivery.application.Deliveries;
import org.domicile.delivery.domain.Delivery;
import org.domicile.keys.application.HeldKey;
import org.domicile.keys.application.PartyKeys;
import org.domicile.keys.domain.KeyUse;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.TimeSource;
import org.domicile.platform.TimeSourceClock;
import org.domicile.trust.application.CertificationServer;

/**
 * The work of each step, done by its operator inside the step's transaction. Each step stores what
 * it produced (an artifact, the protected content, deliveries) and answers with the SHA-256 of it
 * and the algorithms it used: the RETURN names that digest, and the certification server compares
 * it with the digest of what was stored.
 */
@Stateless
public class StepWork {

    /** What a step produced: the digest of its stored output and the algorithms used. */
    public record Output(String digest, List<String> algorithms) {
    }

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @EJB
    CertificationServer certification;

    @EJB
    PartyKeys keys;

    @EJB
    SealedContents sealed;

    @EJB
    Deliveries deliveries;

    @EJB
    ChainFacts facts;

    @EJB
    Notices notices;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    /** Performs {@code step} (every step but HANDOVER, whose output is the recipients' answers). */
    public Output perform(ProcessingStep step, ChainRun run, Correspondence c, Instant now) {
        return switch (step) {
            case SUBMIT -> submit(run, c, now);
            case SEAL -> seal(c, now);
            case TIMESTAMP -> timestamp(c, now);
            case PROTECT -> protect(c, now);
            case CHARGE -> charge(c, now);
            case DELIVER -> deliver(c, now);
            case ARCHIVE -> archive(c, now);
            case HANDOVER -> throw new IllegalArgumentException("HANDOVER ends with the recipients' answers");
        };
    }

    /** The manifest the sender confirmed is frozen: it is what every later step works on. */
    private Output submit(ChainRun run, Correspondence c, Instant now) {
        ContentManifest manifest = c.manifest();
        if (!manifest.digestHex().equals(run.inputDigest())) {
            throw new StepFailure("The content is not the one the sender confirmed (digest " + manifest.digestHex()
                    + ", confirmed " + run.inputDigest() + ").");
        }
        String digest = store(c, ChainArtifact.MANIFEST, manifest.canonicalBytes(), now);
        facts.evidence(c, EvidenceEvent.SUBMISSION_ACCEPTANCE, now, "", null);
        return new Output(digest, List.of("SHA-256"));
    }

    /** The sender's seal: CMS SignedData over the manifest with his key, held by the provider. */
    private Output seal(Correspondence c, Instant now) {
        HeldKey key = keys.of(c.sender().value(), KeyUse.SEAL);
        byte[] seal = ContentSeal.seal(artifact(c, ChainArtifact.MANIFEST),
                new CmsSigner(key.key(), key.certificate(), new TimeSourceClock(time)));
        return new Output(store(c, ChainArtifact.SEAL, seal, now), List.of("SHA256withECDSA", "SHA-256"));
    }

    /** An RFC 3161 time-stamp over the seal, by the internal time-stamping authority. */
    private Output timestamp(Correspondence c, Instant now) {
        byte[] token = certification.timeStamps().stamp(Sha256.of(artifact(c, ChainArtifact.SEAL)));
        return new Output(store(c, ChainArtifact.SEAL_TIMESTAMP, token, now), List.of("RFC3161", "SHA-256"));
    }

    /** Encrypted at rest for the recipients and the sender; the plain content is then deleted. */
    private Output protect(Correspondence c, Instant now) {
        var readers = new ArrayList<>(ChainFacts.recipientIds(c));
        readers.add(c.sender().value());
        byte[] protectedBytes = sealed.protect(c, readers, now);
        return new Output(Sha256.hexOf(protectedBytes), List.of("AES-256-GCM", "ECDH-P256"));
    }

    /** Postage: the tariff is zero until postage exists; the charge is still recorded and certified. */
    private Output charge(Correspondence c, Instant now) {
        String record = "{\"correspondence\":\"" + c.id().value() + "\",\"tariff\":\"0.00\",\"currency\":\"EUR\","
                + "\"at\":\"" + now.atOffset(ZoneOffset.UTC) + "\"}";
        return new Output(store(c, ChainArtifact.CHARGE, record.getBytes(StandardCharsets.UTF_8), now),
                List.of("SHA-256"));
    }

    /**
     * The delivery record: which recipient gets it, until when. The deliveries themselves are made
     * only once the certification server has countersigned this step ({@link #certified}): a DELIVER
     * that fails its check must leave nothing in any office.
     */
    private Output deliver(Correspondence c, Instant now) {
        Instant deadline = Instant.ofEpochMilli(now.plus(settings.handoverPeriod()).toEpochMilli());
        List<String> recipients = ChainFacts.recipientIds(c);
        var record = new StringBuilder("{\"correspondence\":\"").append(c.id().value()).append("\",\"deliveries\":[");
        for (int i = 0; i < recipients.size(); i++) {
            record.append(i == 0 ? "" : ",").append("{\"recipient\":\"").append(recipients.get(i))
                    .append("\",\"deadline\":\"").append(deadline).append("\"}");
        }
        record.append("]}");
        return new Output(store(c, ChainArtifact.DELIVERY, record.toString().getBytes(StandardCharsets.UTF_8), now),
                List.of("SHA-256"));
    }

    /**
     * What a step does once its RETURN is countersigned, in the same transaction: DELIVER puts the
     * correspondence in each recipient's office, with a notice by SMS (no content) and the evidence.
     */
    public void certified(ProcessingStep step, Correspondence c, Instant now) {
        if (step != ProcessingStep.DELIVER) {
            return;
        }
        for (Delivery d : deliveries.deliver(c.id().value(), ChainFacts.recipientIds(c), now)) {
            notices.tell(d.recipientId(), "Domicile: a " + c.kind().label() + " is waiting for you in your private"
                    + " office. Log in to accept or refuse it before " + d.deadline().atOffset(ZoneOffset.UTC)
                    .toLocalDate() + ".", Notices.DELIVERY + c.id().value());
        }
        facts.evidence(c, EvidenceEvent.NOTIFICATION_FOR_ACCEPTANCE, now, "", null);
        c.delivered(now);
    }

    /** The recipients' answers, as the HANDOVER step's output. */
    public Output handover(Correspondence c, Instant now) {
        var record = new StringBuilder("{\"correspondence\":\"").append(c.id().value()).append("\",\"answers\":[");
        List<Delivery> all = deliveries.of(c.id().value());
        for (int i = 0; i < all.size(); i++) {
            Delivery d = all.get(i);
            record.append(i == 0 ? "" : ",").append("{\"recipient\":\"").append(d.recipientId())
                    .append("\",\"answer\":\"").append(d.status()).append("\",\"at\":\"")
                    .append(d.answeredAt().map(Instant::toString).orElse("")).append("\"}");
        }
        record.append("]}");
        return new Output(store(c, ChainArtifact.HANDOVER, record.toString().getBytes(StandardCharsets.UTF_8), now),
                List.of("SHA256withECDSA", "SHA-256"));
    }

    /** Into both archives, immutable for the retention period. */
    private Output archive(Correspondence c, Instant now) {
        Instant until = now.atOffset(ZoneOffset.UTC).plusYears(settings.retentionYears()).toInstant();
        c.archived(now, until);
        String record = "{\"correspondence\":\"" + c.id().value() + "\",\"archivedAt\":\"" + now
                + "\",\"retainUntil\":\"" + until + "\"}";
        return new Output(store(c, ChainArtifact.ARCHIVE, record.getBytes(StandardCharsets.UTF_8), now),
                List.of("SHA-256"));
    }

    private String store(Correspondence c, String name, byte[] bytes, Instant now) {
        String digest = Sha256.hexOf(bytes);
        em.persist(new ChainArtifact(c.id().value(), name, digest, bytes, now));
        return digest;
    }

    /** A stored artifact's bytes. */
    public byte[] artifact(Correspondence c, String name) {
        ChainArtifact a = em.find(ChainArtifact.class, new ChainArtifact.Key(c.id().value(), name));
        if (a == null) {
            throw new StepFailure("The " + name + " of this correspondence is missing.");
        }
        return a.bytes();
    }
}
