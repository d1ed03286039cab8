package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.domicile.audit.AuditLog;
import org.domicile.certification.cms.CmsException;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.OperatorSpecification;
import org.domicile.certification.token.SpecificationCheck;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.token.TokenKind;
import org.domicile.certification.token.VerifiedToken;
import org.domicile.chain.domain.ChainRun;
import org.domicile.chain.domain.ChainState;
import org.domicile.chain.domain.ChainToken;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.delivery.application.Deliveries;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.TimeSource;
import org.domicile.trust.application.CertificationServer;

/**
 * Runs the steps of the chain (SPEC §3). Per step, in one transaction with the steps due right
 * after it: the certification server checks the operator's level and signs the ORDER; the operator
 * verifies it, signs the ACKNOWLEDGEMENT, does the work and signs the RETURN; the certification
 * server verifies the RETURN, checks it against the operator's specification (right step, allowed
 * algorithms, output digest = digest of what was stored, deadline) and countersigns it; only then
 * does the next step start. Tokens, stored output, evidence, queued notices and the next state
 * commit together, or none of them does. A failed check stops the chain with a reason the sender
 * can read and the evidence of the failure.
 */
@Stateless
public class ChainRunner {

    private static final Logger LOG = Logger.getLogger(ChainRunner.class.getName());
    static final Duration HANDOVER_MARGIN = Duration.ofDays(30);
    /** From the submission to the HANDOVER order, every step is due at once: one transaction takes them all. */
    static final int STEPS_PER_TRANSACTION = ProcessingStep.HANDOVER.ordinal() + 1;

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    CorrespondenceRepository correspondences;

    @EJB
    CertificationServer certification;

    @Inject
    OperatorDesk desk;

    @EJB
    StepWork work;

    @EJB
    ChainFacts facts;

    @EJB
    Notices notices;

    @EJB
    Deliveries deliveries;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @Inject
    Event<ChainDue> due;

    @EJB
    AuditLog audit;

    /** Starts the chain of a submitted correspondence (in the submitting transaction). */
    public void start(String correspondenceId, org.domicile.certification.trust.TrustLevel level, String digest,
                      Instant at) {
        em.persist(new ChainRun(correspondenceId, level, digest, at));
        due.fire(new ChainDue(correspondenceId));
    }

    /**
     * Performs the steps of the chain that are due, one after the other, in a transaction of their
     * own: up to {@link #STEPS_PER_TRANSACTION} of them, each ORDER, ACKNOWLEDGEMENT, work, RETURN,
     * check and COUNTERSIGNATURE in turn, so that a step starts only on the countersigned RETURN of the
     * one before. They commit together or not at all (a crash before the commit leaves the chain where
     * it was, and the steps are done again). Returns whether another step is due at once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean advance(String correspondenceId) {
        for (int done = 1; ; done++) {
            boolean more = step(correspondenceId);
            if (!more || done == STEPS_PER_TRANSACTION) {
                return more;
            }
        }
    }

    /** The next step, if it is due, in the caller's transaction; whether another one is due at once. */
    private boolean step(String correspondenceId) {
        Instant now = time.now();
        ChainRun run = em.find(ChainRun.class, correspondenceId);
        if (run == null || !run.isDue(now) || run.nextStep().isEmpty()) {
            return false;
        }
        ProcessingStep step = run.nextStep().get();
        try {
            return perform(run, step, now);
        } catch (RuntimeException e) {
            throw new StepInterrupted(step, e);
        }
    }

    /** Performs {@code step} of {@code run}; whether another step is due at once. */
    private boolean perform(ChainRun run, ProcessingStep step, Instant now) {
        String correspondenceId = run.correspondenceId();
        // Only a call that performs the step takes the version: one with nothing to do writes nothing,
        // so it cannot make a concurrent step or a recipient's answer fail.
        em.lock(run, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Correspondence c = correspondence(correspondenceId);
        ProcessingOperator operator = em.find(ProcessingOperator.class, step.operatorId());
        if (operator == null) {
            stop(run, c, step, "No operator is registered for the " + step + " step.", now);
            return false;
        }
        if (operator.trustLevel().compareTo(run.level()) < 0) {
            stop(run, c, step, "The " + step + " operator (" + operator.id() + ") is certified at "
                    + operator.trustLevel() + ", below the " + run.level() + " this correspondence requires.", now);
            return false;
        }
        OperatorSpecification spec = specification(operator);
        TokenContent orderContent = TokenContent.order(CertificationTokens.newTokenId(), correspondenceId, step.name(),
                operator.id(), run.level(), run.inputDigest(), run.previousDigest(), now, now.plus(spec.deadline()),
                spec.algorithms());
        byte[] order = CertificationTokens.sign(orderContent, certification.tokenSigner());
        VerifiedToken issued = new VerifiedToken(orderContent, certification.certificate(),
                CertificationTokens.digestOf(order));
        record(run, step, TokenKind.ORDER, orderContent.tokenId(), order, now);

        VerifiedToken received = desk.receive(step, order);
        OperatorDesk.Signed ack = desk.acknowledge(step, received, now);
        record(run, step, TokenKind.ACKNOWLEDGEMENT, ack.tokenId(), ack.bytes(), now);
        if (step == ProcessingStep.HANDOVER) {
            // Taken one at a time with the recipients' answers (which lock the correspondence too):
            // either an answer sees this step waiting, or this step sees the answer. The lock reads the
            // correspondence again: what the earlier steps of this transaction changed is written first.
            em.flush();
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            run.waitForRecipients(now);
            if (deliveries.of(correspondenceId).stream().allMatch(d -> d.status().answered())) {
                // Every recipient answered between DELIVER and this order (or while the server was
                // down): those answers found no step to end, and no later answer will come.
                completeHandover(correspondenceId, now);
                return run.state() == ChainState.RUNNING;
            }
            return false;
        }
        StepWork.Output output;
        try {
            output = work.perform(step, run, c, now);
        } catch (StepFailure failure) {
            stop(run, c, step, failure.getMessage(), now);
            return false;
        }
        OperatorDesk.Signed returned = desk.returnFor(step, received, output.digest(), output.algorithms(), now);
        return countersign(run, c, step, operator, spec, issued, returned, output.digest(), now);
    }

    /**
     * Ends the HANDOVER step once every recipient has answered (or the deadline passed), in the
     * transaction that recorded the last answer: the operator returns the answers, the server
     * checks and countersigns, and ARCHIVE becomes due.
     */
    public void completeHandover(String correspondenceId, Instant now) {
        ChainRun run = em.find(ChainRun.class, correspondenceId);
        if (run == null || run.state() != ChainState.WAITING) {
            return;
        }
        em.lock(run, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Correspondence c = correspondence(correspondenceId);
        ProcessingStep step = ProcessingStep.HANDOVER;
        ProcessingOperator operator = em.find(ProcessingOperator.class, step.operatorId());
        ChainToken orderRow = em.createQuery("select t from ChainToken t where t.correspondenceId = :c and t.step = :s"
                        + " and t.kind = :k order by t.seq desc", ChainToken.class)
                .setParameter("c", correspondenceId).setParameter("s", step).setParameter("k", TokenKind.ORDER)
                .setMaxResults(1).getSingleResult();
        byte[] order = orderRow.bytes();
        VerifiedToken issued = CertificationTokens.open(order, certification.verifier());
        VerifiedToken received = desk.receive(step, order);
        StepWork.Output output = work.handover(c, now);
        OperatorDesk.Signed returned = desk.returnFor(step, received, output.digest(), output.algorithms(), now);
        countersign(run, c, step, operator, specification(operator), issued, returned, output.digest(), now);
        due.fire(new ChainDue(correspondenceId));
    }

    /**
     * A step failed for a passing reason (database busy, a crash of a call): it is tried again after
     * {@code first}, twice as long after each further failure, at most {@code longest} apart.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void postpone(String correspondenceId, Duration first, Duration longest, Throwable failure) {
        ChainRun run = em.find(ChainRun.class, correspondenceId);
        if (run != null && run.state() == ChainState.RUNNING) {
            String why = StepInterrupted.describe(failure);
            Duration pause = run.retryAfter(first, longest, time.now(), why);
            LOG.warning(() -> "Chain of " + correspondenceId + " postponed by " + pause + " (failure "
                    + run.retries() + " in a row): " + why);
        }
    }

    private boolean countersign(ChainRun run, Correspondence c, ProcessingStep step, ProcessingOperator operator,
                                OperatorSpecification spec, VerifiedToken order, OperatorDesk.Signed returned,
                                String storedOutput, Instant now) {
        VerifiedToken ret;
        try {
            ret = CertificationTokens.open(returned.bytes(), certification.verifier());
        } catch (CmsException | IllegalArgumentException e) {
            record(run, step, TokenKind.RETURN, returned.tokenId(), returned.bytes(), now);
            stop(run, c, step, "The RETURN of the " + step + " operator does not verify: " + e.getMessage(), now);
            return false;
        }
        record(run, step, TokenKind.RETURN, returned.tokenId(), returned.bytes(), now);
        var failures = new ArrayList<String>();
        for (SpecificationCheck.Failure f : SpecificationCheck.check(order, ret, spec, storedOutput, now)) {
            failures.add(f.rule() + ": " + f.detail());
        }
        if (!ret.signer().equals(certificate(operator))) {
            failures.add("WRONG_SIGNER: the RETURN is not signed with the registered certificate of " + operator.id());
        }
        if (!failures.isEmpty()) {
            stop(run, c, step, "The " + step + " step failed the certification server's check: "
                    + String.join("; ", failures), now);
            return false;
        }
        TokenContent counterContent = ret.content().countersignature(CertificationTokens.newTokenId(), ret.digest(), now);
        byte[] counter = CertificationTokens.sign(counterContent, certification.tokenSigner());
        record(run, step, TokenKind.COUNTERSIGNATURE, counterContent.tokenId(), counter, now);
        run.stepCountersigned(ret.content().output(), CertificationTokens.digestOf(counter), now);
        if (step == ProcessingStep.SUBMIT) {
            c.processing();
        }
        work.certified(step, c, now);
        return run.state() == ChainState.RUNNING;
    }

    private void stop(ChainRun run, Correspondence c, ProcessingStep step, String reason, Instant now) {
        String why = reason.length() > 1900 ? reason.substring(0, 1900) + "…" : reason;
        run.stop(step, why, now);
        c.stopped(why, now);
        boolean beforeHandover = step.ordinal() < ProcessingStep.HANDOVER.ordinal();
        facts.evidence(c, beforeHandover ? EvidenceEvent.CONTENT_CONSIGNMENT_FAILURE
                : EvidenceEvent.CONTENT_HANDOVER_FAILURE, now, why, null);
        notices.tell(c.sender().value(), "Domicile: your " + c.kind().label() + " \"" + c.subject().cut(40)
                + "\" could not be processed (" + step + " step). Its reason is in your office.", "stopped:"
                + c.id().value());
        LOG.warning(() -> "Chain of " + c.id().value() + " stopped at " + step + ": " + why);
    }

    private void record(ChainRun run, ProcessingStep step, TokenKind kind, String tokenId, byte[] token,
                        Instant now) {
        em.persist(new ChainToken(run.correspondenceId(), run.nextTokenSeq(), step, kind, tokenId,
                CertificationTokens.digestOf(token), token, now));
    }

    /** The operator's specification; HANDOVER's deadline follows the configured handover period. */
    OperatorSpecification specification(ProcessingOperator operator) {
        ProcessingStep step = operator.step();
        // HANDOVER lasts as long as the recipients may take, plus a margin for an outage around the
        // deadline (the expiry is recorded when the server sees it); beyond that the step failed.
        Duration deadline = step == ProcessingStep.HANDOVER ? settings.handoverPeriod().plus(HANDOVER_MARGIN)
                : step.deadline();
        return new OperatorSpecification(operator.id(), step.name(), step.algorithms(), deadline);
    }

    private static final java.util.Map<String, X509Certificate> CERTIFICATES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static X509Certificate certificate(ProcessingOperator operator) {
        return CERTIFICATES.computeIfAbsent(operator.certificatePem(), pem -> {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (CertificateException e) {
                throw new IllegalStateException("the registered certificate of " + operator.id() + " does not parse", e);
            }
        });
    }

    private Correspondence correspondence(String id) {
        return correspondences.find(new CorrespondenceId(id))
                .orElseThrow(() -> new IllegalStateException("no correspondence " + id));
    }

    /** Chains with a step due now, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> dueIds(Instant now, int limit) {
        return em.createQuery("select r.correspondenceId from ChainRun r where r.state = :s and r.dueAt <= :now"
                        + " order by r.dueAt", String.class).setParameter("s", ChainState.RUNNING)
                .setParameter("now", now.toEpochMilli()).setMaxResults(limit).getResultList();
    }

    /**
     * The operator has a chain being retried tried at once, once he has mended what made it fail
     * (recorded in the audit trail either way).
     *
     * @throws NotFoundException if no chain with that id is waiting for a retry
     */
    public void tryNow(String operatorAccountId, String correspondenceId, String source) {
        ChainRun run = Ids.looksLikeId(correspondenceId) ? em.find(ChainRun.class, correspondenceId) : null;
        if (run == null || !run.tryNow(time.now())) {
            audit.record(operatorAccountId, "chain.try-now", correspondenceId, "REFUSED", source,
                    "not waiting for a retry");
            throw new NotFoundException("No chain of that correspondence is waiting for a retry: it may have gone"
                    + " through meanwhile.");
        }
        audit.recordDone(operatorAccountId, "chain.try-now", correspondenceId, source,
                "next try at once, after " + run.retries() + " failed tries");
        due.fire(new ChainDue(correspondenceId));
    }

    /** Chains being tried again after a failure for a passing reason, the next to be tried first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RetriedChain> retried(int limit) {
        return em.createQuery("select r from ChainRun r where r.state = :s and r.retries > 0 order by r.dueAt",
                        ChainRun.class).setParameter("s", ChainState.RUNNING).setMaxResults(limit).getResultStream()
                .flatMap(r -> r.retriedAt().map(step -> new RetriedChain(r.correspondenceId(), step.name(),
                        r.retries(), r.lastFailure().orElse(""), r.failedAt().orElse(r.updatedAt()), r.dueAt())).stream())
                .toList();
    }

    /** The tokens of a correspondence in chain order. */
    public List<ChainToken> tokens(String correspondenceId) {
        return em.createQuery("select t from ChainToken t where t.correspondenceId = :c order by t.seq",
                ChainToken.class).setParameter("c", correspondenceId).getResultList();
    }
}
