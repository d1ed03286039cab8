package org.domicile.archive.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domicile.audit.AuditLog;
import org.domicile.certification.bundle.BundleContents;
import org.domicile.certification.bundle.BundleLayout;
import org.domicile.certification.bundle.BundleWriter;
import org.domicile.certification.bundle.EvidenceFile;
import org.domicile.certification.bundle.NamedBytes;
import org.domicile.certification.bundle.ReportModel;
import org.domicile.certification.evidence.EvidenceRecord;
import org.domicile.certification.evidence.PartyAssurance;
import org.domicile.certification.token.TokenKind;
import org.domicile.chain.application.ChainFacts;
import org.domicile.chain.application.ChainRunner;
import org.domicile.chain.domain.ChainRun;
import org.domicile.chain.domain.ChainState;
import org.domicile.chain.domain.ChainToken;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.delivery.application.Inbox;
import org.domicile.delivery.domain.Delivery;
import org.domicile.delivery.domain.DeliveryStatus;
import org.domicile.evidence.application.EvidenceLedger;
import org.domicile.evidence.domain.EvidenceEntry;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.keys.domain.KeyUse;
import org.domicile.keys.domain.PartyKey;
import org.domicile.operators.application.OperatorRegistry;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;
import org.domicile.trust.application.CertificationServer;

/**
 * The evidence bundle of a correspondence (SPEC §4), for its sender and its recipients only: every
 * certification token, every evidence record with its time-stamp, the certificates of every signer
 * up to the internal CA, the digest of every content part, and a PDF report a person can read. For
 * a recipient who has not accepted a kind that hides them, the sender's name and the subject are
 * left out. Another office asking gets "not found", and the attempt is logged.
 */
@Stateless
public class EvidenceBundles {

    static final String NOT_FOUND = "There is no such correspondence in your office.";
    static final String HIDDEN = "(hidden until acceptance)";

    /** A bundle ready to download. */
    public record Bundle(String fileName, byte[] zip) {
    }

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @EJB
    Inbox inbox;

    @EJB
    ChainRunner chain;

    @EJB
    ChainFacts facts;

    @EJB
    EvidenceLedger ledger;

    @EJB
    OperatorRegistry operators;

    @EJB
    CertificationServer certification;

    @Inject
    DomicileSettings settings;

    @EJB
    AuditLog audit;

    /** A correspondence the office may see the evidence of, and whether its sender and subject are visible. */
    private record Access(Account me, Correspondence c, boolean visible) {
    }

    /** The evidence bundle (ZIP) of a correspondence the office sent or received. */
    public Bundle bundle(String accountId, String correspondenceId, String source) {
        Access access = access(accountId, correspondenceId, "evidence bundle", source);
        Account me = access.me();
        Correspondence c = access.c();
        var contents = contents(c, access.visible());
        var out = new ByteArrayOutputStream();
        try {
            BundleWriter.write(contents, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordDone(me.loginName(), "evidence.bundle", c.id().value(), source,
                contents.tokens().size() + " tokens, " + contents.evidence().size() + " evidence records");
        return new Bundle("evidence-" + c.id().value() + ".zip", out.toByteArray());
    }

    /** The chain's state, its certified steps and its evidence events, for the sender or a recipient. */
    public Timeline timeline(String accountId, String correspondenceId, String source) {
        Access access = access(accountId, correspondenceId, "timeline", source);
        String id = access.c().id().value();
        ChainRun run = em.find(ChainRun.class, id);
        var steps = chain.tokens(id).stream().filter(t -> t.kind() == TokenKind.COUNTERSIGNATURE)
                .map(t -> new Timeline.Step(t.step().name(), t.step().operatorId(), t.createdAt())).toList();
        var events = new ArrayList<Timeline.Event>();
        for (EvidenceEntry e : ledger.of(id)) {
            String reason = e.event().negative() ? EvidenceRecord.fromJson(certification.verifier()
                    .verify(e.signed().cms()).content()).reason() : "";
            events.add(new Timeline.Event(e.seq(), e.event().etsiName(), e.eventTime(), reason, e.id()));
        }
        if (run == null) {
            return new Timeline(id, "NONE", Optional.empty(), Optional.empty(), steps, events);
        }
        Optional<Timeline.Delay> delay = run.retriedAt()
                .map(step -> new Timeline.Delay(step.name(), run.retries(), run.dueAt()));
        return new Timeline(id, run.state().name(), run.stopReason(), delay, steps, events);
    }

    private Access access(String accountId, String correspondenceId, String what, String source) {
        Account me = (Ids.looksLikeId(accountId) ? accounts.find(new AccountId(accountId)) : Optional.<Account>empty())
                .orElseThrow(() -> new DomicileException("Your session has ended. Please log in again."));
        Correspondence c = correspondenceId == null || !Ids.looksLikeId(correspondenceId) ? null
                : em.find(Correspondence.class, correspondenceId);
        boolean sender = c != null && c.isSentBy(me.id());
        Optional<Delivery> delivery = c == null ? Optional.empty() : inbox.deliveryOf(me.id().value(), correspondenceId);
        if (c == null || (!sender && delivery.isEmpty()) || c.status().isEditable()) {
            audit.record(me.loginName(), "evidence.access", correspondenceId == null ? "-" : correspondenceId, "DENIED",
                    source, "access denied: " + what + " of a correspondence not of this office");
            throw new NotFoundException(NOT_FOUND);
        }
        boolean visible = sender || delivery.get().status() == DeliveryStatus.ACCEPTED
                || !settings.hidesSenderAndSubject(c.kind().name());
        return new Access(me, c, visible);
    }

    private BundleContents contents(Correspondence c, boolean visible) {
        List<ChainToken> tokens = chain.tokens(c.id().value());
        ChainRun run = em.find(ChainRun.class, c.id().value());
        if (run != null && run.state() != ChainState.STOPPED) {
            // A step under way is not certified yet: the bundle holds the countersigned steps. A
            // stopped chain keeps its failed step, so that the verifier shows where it stopped.
            int end = tokens.size();
            while (end > 0 && tokens.get(end - 1).kind() != TokenKind.COUNTERSIGNATURE) {
                end--;
            }
            tokens = tokens.subList(0, end);
        }
        var named = new ArrayList<NamedBytes>();
        var steps = new ArrayList<ReportModel.Step>();
        for (int i = 0; i < tokens.size(); i++) {
            ChainToken t = tokens.get(i);
            named.add(new NamedBytes(BundleLayout.tokenName(i + 1, t.step().name(), t.kind().name()), t.bytes()));
            if (t.kind() == TokenKind.COUNTERSIGNATURE) {
                steps.add(new ReportModel.Step(t.step().name(), t.step().operatorId(), t.createdAt()));
            }
        }
        var evidence = new ArrayList<EvidenceFile>();
        var events = new ArrayList<ReportModel.Event>();
        Map<String, PartyAssurance> assurance = new LinkedHashMap<>();
        for (EvidenceEntry e : ledger.of(c.id().value())) {
            var signed = e.signed();
            evidence.add(new EvidenceFile(BundleLayout.evidenceName(e.seq(), e.event().etsiName()), signed.cms(),
                    signed.timestamp()));
            EvidenceRecord record = EvidenceRecord.fromJson(certification.verifier().verify(signed.cms()).content());
            events.add(new ReportModel.Event(e.eventTime(), e.event().etsiName(), record.reason()));
            record.assurance().forEach(a -> assurance.putIfAbsent(a.party(), a));
        }
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put(BundleLayout.CERTIFICATION_SERVER, certification.certificate());
        certificates.put(BundleLayout.TSA, certification.timeStamps().certificate());
        for (ProcessingOperator o : operators.all()) {
            certificates.put(o.id(), parse(o.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        }
        PartyKey seal = em.find(PartyKey.class, new PartyKey.Key(c.sender().value(), KeyUse.SEAL));
        if (seal != null && visible) {
            certificates.put("sender", parse(seal.certificate()));
        }
        String senderName = visible ? accounts.find(c.sender()).map(Account::displayName).orElse(c.sender().value())
                : HIDDEN;
        ReportModel.Party senderParty = party(senderName, assurance.get(c.sender().value()));
        List<ReportModel.Party> recipientParties = ChainFacts.recipientIds(c).stream()
                .map(r -> party(accounts.find(new AccountId(r)).map(Account::displayName).orElse(r), assurance.get(r)))
                .toList();
        return new BundleContents(c.id().value(), visible ? c.subject().value() : "", senderParty, recipientParties,
                c.kind().name(), c.kind().requiredLevel().name(), named, evidence, certificates,
                certification.caCertificate(), facts.contentDigests(c), events, steps);
    }

    private static ReportModel.Party party(String name, PartyAssurance a) {
        return a == null ? new ReportModel.Party(name, "", "")
                : new ReportModel.Party(name, a.level().name(), a.authMethod());
    }

    private static X509Certificate parse(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate does not parse", e);
        }
    }
}
