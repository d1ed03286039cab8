package org.domicile.container;

import static org.domicile.container.TestUsers.SOURCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.domicile.archive.application.Archive;
import org.domicile.archive.application.ArchiveEntry;
import org.domicile.archive.application.ArchiveQuery;
import org.domicile.archive.application.EvidenceBundles;
import org.domicile.archive.application.Timeline;
import org.domicile.audit.AuditEvent;
import org.domicile.audit.AuditLog;
import org.domicile.certification.bundle.BundleVerifier;
import org.domicile.certification.bundle.VerificationReport;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.ChainCheck;
import org.domicile.certification.token.TokenKind;
import org.domicile.chain.application.ChainRunner;
import org.domicile.chain.application.RetriedChain;
import org.domicile.chain.domain.ChainToken;
import org.domicile.correspondence.application.CorrespondenceSending;
import org.domicile.correspondence.application.CorrespondenceView;
import org.domicile.correspondence.application.DraftForm;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.application.Validation;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.delivery.application.Inbox;
import org.domicile.delivery.application.InboxItem;
import org.domicile.delivery.domain.AlreadyAnsweredException;
import org.domicile.delivery.domain.DeliveryStatus;
import org.domicile.directory.application.Counterparts;
import org.domicile.evidence.application.EvidenceLedger;
import org.domicile.evidence.domain.EvidenceEntry;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.operators.application.OperatorRegistry;
import org.domicile.operators.domain.ProcessingOperator;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.NotFoundException;
import org.domicile.session.application.ChallengeView;
import org.domicile.sms.SmsException;
import org.domicile.sms.outbox.OutboxEntry;
import org.domicile.trust.application.CertificationServer;
import org.domicile.trust.application.TrustLevels;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The processing chain in the server, on the configured database (SPEC §3, §4): a registered letter
 * from submission to the archive with its 32 certification tokens and its evidence, checked with the
 * certification library's own verifiers as an auditor would; every failed check of a RETURN stops
 * the chain with a reason the sender reads and delivers nothing; refusal and expiry; access by
 * other offices (SECURITY-BASELINE 16); each step done exactly once (24). The chain runs on the
 * server's worker threads, so the tests wait for the states it reaches.
 */
@ExtendWith(ArquillianExtension.class)
class ProcessingChainContainerTest {

    private static final String OPERATOR = "arq-operator";
    private static final Duration CHAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final String NOT_FOUND = "There is no such correspondence in your office.";
    private static final String TEXT_PART = "message.txt";
    private static final String FILE_NAME = "contrat signé.pdf";

    @Deployment
    static WebArchive deployment() {
        return ContainerDeployment.archive();
    }

    @Inject
    MovableTimeSource time;

    @Inject
    TamperingOperatorDesk desk;

    @Inject
    TestUsers users;

    @Inject
    ContainerProbe probe;

    @Inject
    ChainProbe chainProbe;

    @Inject
    Drafts drafts;

    @Inject
    Validation validation;

    @Inject
    CorrespondenceSending sending;

    @Inject
    Counterparts counterparts;

    @Inject
    TrustLevels trust;

    @Inject
    Inbox inbox;

    @Inject
    Archive archive;

    @Inject
    EvidenceBundles bundles;

    @Inject
    EvidenceLedger ledger;

    @Inject
    ChainRunner runner;

    @Inject
    OperatorRegistry operators;

    @Inject
    CertificationServer certification;

    @Inject
    DomicileSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    SmsGatewayProvider sms;

    @Inject
    SwitchableSmsGatewayProvider gateways;

    @AfterEach
    void honestDeskAndWallClock() {
        desk.reset();
        time.reset();
    }

    /** A registered letter as its sender wrote it. */
    private record Letter(String id, TestUser sender, TestUser recipient, String subject, String text, byte[] file) {
    }

    // ---- the whole chain -------------------------------------------------------------------------

    @Test
    @DisplayName("SPEC §3/§4, rules 18/19/21: a registered letter is delivered hidden, accepted with a code, released"
            + " as sent, archived with 32 sound tokens, its evidence in order and a bundle that verifies for both")
    void registeredLetterRunsTheWholeChain() throws Exception {
        Letter l = send(id -> { });
        awaitStatus(l, CorrespondenceStatus.DELIVERED);

        InboxItem waiting = inboxEntry(l);
        assertEquals(DeliveryStatus.WAITING, waiting.status());
        assertEquals(Optional.empty(), waiting.sender(), "the sender is hidden until acceptance");
        assertEquals(Optional.empty(), waiting.subject(), "the subject is hidden until acceptance");
        assertEquals(Optional.empty(), waiting.text());
        assertTrue(waiting.parts().isEmpty());
        assertEquals(waiting.deliveredAt().plus(settings.handoverPeriod()), waiting.deadline());
        assertEquals(waiting, inbox.get(l.recipient().id(), l.id(), SOURCE));
        ArchiveEntry received = archiveEntry(l.recipient(), l.id());
        assertEquals(List.of(), received.counterparts());
        assertEquals(Optional.empty(), received.subject());
        var early = assertThrows(DomicileException.class,
                () -> inbox.part(l.recipient().id(), l.id(), TEXT_PART, SOURCE));
        assertTrue(early.getMessage().contains("only once you have accepted"), early.getMessage());

        ChallengeView handover = inbox.startHandover(l.recipient().id(), l.id(), SOURCE);
        String handoverSms = handoverMessage(l.recipient()).body();
        assertFalse(handoverSms.contains(l.subject()) || handoverSms.contains(l.sender().displayName())
                || handoverSms.contains("Bail"), "neither sender, subject nor content in the SMS: " + handoverSms);
        InboxItem accepted = inbox.answer(l.recipient().id(), l.id(), handover.challengeId(),
                TestUsers.codeIn(handoverSms), "ACCEPT", SOURCE);

        assertEquals(DeliveryStatus.ACCEPTED, accepted.status());
        assertEquals(Optional.of(l.sender().displayName()), accepted.sender());
        assertEquals(Optional.of(l.subject()), accepted.subject());
        assertEquals(Optional.of(l.text()), accepted.text());
        assertEquals(List.of(TEXT_PART, FILE_NAME), accepted.parts().stream().map(InboxItem.Part::name).toList());
        assertEquals(List.of(Sha256.hexOf(utf8(l.text())), Sha256.hexOf(l.file())),
                accepted.parts().stream().map(InboxItem.Part::sha256).toList());
        assertArrayEquals(utf8(l.text()), inbox.part(l.recipient().id(), l.id(), TEXT_PART, SOURCE).content());
        assertArrayEquals(l.file(), inbox.part(l.recipient().id(), l.id(), FILE_NAME, SOURCE).content(),
                "the file is released exactly as it was sent");

        awaitStatus(l, CorrespondenceStatus.ARCHIVED);
        Timeline timeline = bundles.timeline(l.sender().id(), l.id(), SOURCE);
        assertEquals("DONE", timeline.state());
        assertEquals(Optional.empty(), timeline.stopReason());
        assertEquals(stepNames(ProcessingStep.values().length), timeline.steps().stream().map(Timeline.Step::step)
                .toList(), "every step countersigned, in order");
        ArchiveEntry sent = archiveEntry(l.sender(), l.id());
        assertEquals("ARCHIVED", sent.status());
        assertEquals(sent.archivedAt().orElseThrow().atOffset(ZoneOffset.UTC).plusYears(settings.retentionYears())
                .toInstant(), sent.retainUntil().orElseThrow(), "kept for the retention period");
        assertEquals("ACCEPTED", archiveEntry(l.recipient(), l.id()).status());

        List<ChainToken> tokens = runner.tokens(l.id());
        assertTokensInOrder(tokens, ProcessingStep.values().length * 4);
        ChainCheck.Result offline = chainCheck(tokens);
        assertTrue(offline.ok(), offline.findings().toString());
        assertTrue(offline.complete(), "the chain ends with the ARCHIVE countersignature");

        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentAcceptance",
                "ContentHandover"), events(l.id()));
        assertEquals(events(l.id()), timeline.events().stream().map(Timeline.Event::event)
                .filter(e -> !e.equals("ConsignmentNotification")).toList(), "the sender follows every event");

        for (TestUser office : List.of(l.sender(), l.recipient())) {
            VerificationReport report = verifyBundle(bundles.bundle(office.id(), l.id(), SOURCE).zip(), l);
            assertTrue(report.allOk(), (office == l.sender() ? "sender: " : "recipient: ") + report.failures());
        }

        byte[] stored = chainProbe.protectedContent(l.id())
                .orElseThrow(() -> new AssertionError("no protected content"));
        assertTrue(stored.length > l.file().length, "the whole content is stored, encrypted");
        assertFalse(contains(stored, utf8(l.text())), "the text is not stored in the clear");
        assertFalse(contains(stored, l.file()), "the file is not stored in the clear");
        assertEquals("", chainProbe.storedBody(l.id()), "the plain text is no longer kept");
        List<String> files = chainProbe.attachmentIds(l.id());
        assertEquals(1, files.size());
        assertEquals(0, probe.countRows("attachment_content", "attachment_id", files.get(0)),
                "the plain file is no longer kept");
        assertEquals(l.text(), drafts.get(l.sender().id(), l.id(), SOURCE).text(), "the sender reads it with his key");
    }

    @Test
    @DisplayName("On PostgreSQL the rows of a flush (the chain's token rows) go in JDBC batches, one round trip for a"
            + " run; not on the embedded H2, which has no round trip to save")
    void batchesOnPostgreSqlOnly() {
        ContainerProbe.Writing writing = probe.writing();
        assertEquals(writing.postgresql(), writing.batches(), writing.toString());
    }

    // ---- a failed check stops the chain ------------------------------------------------------------

    @Test
    @DisplayName("SPEC §3: a RETURN naming an algorithm not in the specification (MD5) stops the chain at SEAL")
    void forbiddenAlgorithmStopsTheChain() throws Exception {
        Letter l = send(id -> desk.spoil(id, ProcessingStep.SEAL, TamperingOperatorDesk.Tamper.FORBIDDEN_ALGORITHM));
        String reason = assertStoppedAt(l, ProcessingStep.SEAL, "ALGORITHM_NOT_ALLOWED", "'MD5'");
        assertOffline(l, Optional.empty());
        assertTrue(reason.startsWith("The SEAL step failed the certification server's check"), reason);
    }

    @Test
    @DisplayName("SPEC §3: a RETURN whose output digest is not that of what was stored stops the chain at DELIVER,"
            + " and nothing is delivered")
    void wrongOutputDigestStopsTheChain() throws Exception {
        Letter l = send(id -> desk.spoil(id, ProcessingStep.DELIVER, TamperingOperatorDesk.Tamper.WRONG_OUTPUT));
        assertStoppedAt(l, ProcessingStep.DELIVER, "OUTPUT_MISMATCH", "differs from the stored output's digest");
        assertOffline(l, Optional.empty());
    }

    @Test
    @DisplayName("SPEC §3: a RETURN issued after the step's deadline stops the chain at TIMESTAMP")
    void lateReturnStopsTheChain() throws Exception {
        Letter l = send(id -> desk.spoil(id, ProcessingStep.TIMESTAMP, TamperingOperatorDesk.Tamper.LATE));
        assertStoppedAt(l, ProcessingStep.TIMESTAMP, "DEADLINE_PASSED", "RETURN issued at");
        assertOffline(l, Optional.of(ChainCheck.Problem.DEADLINE_PASSED));
    }

    @Test
    @DisplayName("SPEC §3: a RETURN naming another step than the one ordered stops the chain at CHARGE")
    void returnForAnotherStepStopsTheChain() throws Exception {
        Letter l = send(id -> desk.spoil(id, ProcessingStep.CHARGE, TamperingOperatorDesk.Tamper.WRONG_STEP));
        assertStoppedAt(l, ProcessingStep.CHARGE, "WRONG_STEP", "RETURN step SEAL");
        assertOffline(l, Optional.of(ChainCheck.Problem.STEP_MISMATCH));
    }

    @Test
    @DisplayName("SPEC §3: a RETURN signed with a key from the same CA that is not the operator's registered one"
            + " stops the chain at PROTECT")
    void returnSignedWithAnotherKeyStopsTheChain() throws Exception {
        Letter l = send(id -> desk.spoil(id, ProcessingStep.PROTECT, TamperingOperatorDesk.Tamper.FOREIGN_KEY));
        assertStoppedAt(l, ProcessingStep.PROTECT, "WRONG_SIGNER", "registered certificate of op-protect");
        assertOffline(l, Optional.of(ChainCheck.Problem.WRONG_SIGNER));
    }

    @Test
    @DisplayName("SPEC §1/§3: an operator lowered below the kind's level after submission stops the chain before"
            + " its step, naming it; nothing is delivered")
    void operatorBelowTheLevelStopsTheChainBeforeItsStep() throws Exception {
        String level = operators.all().stream().filter(o -> o.step() == ProcessingStep.DELIVER).findFirst()
                .orElseThrow().trustLevel().name();
        Letter l = send(id -> desk.holdAt(id, ProcessingStep.CHARGE));
        try {
            assertTrue(desk.awaitHeld(CHAIN_TIMEOUT), "the chain reached CHARGE");
            trust.change(OPERATOR, "OPERATOR:op-deliver", "LOW", "delivery operator under investigation", SOURCE);
            desk.release();
            String reason = assertStoppedAt(l, ProcessingStep.DELIVER, "op-deliver", "certified at LOW",
                    "below the SUBSTANTIAL");
            assertTrue(reason.startsWith("The DELIVER operator (op-deliver)"), reason);
        } finally {
            desk.release();
            trust.change(OPERATOR, "OPERATOR:op-deliver", level, "investigation of the delivery operator closed",
                    SOURCE);
        }
        List<ChainToken> tokens = runner.tokens(l.id());
        assertTokensInOrder(tokens, ProcessingStep.DELIVER.ordinal() * 4);
        assertTrue(chainCheck(tokens).complete(), "no ORDER was issued to the operator below the level");
    }

    @Test
    @DisplayName("Rule 24: a step that breaks off for a passing reason is tried again after 5 s, then 10 s; meanwhile"
            + " the operator console lists the chain with the step and why, and the sender reads that it is delayed;"
            + " the operator has it tried at once; once the step goes through, nothing of the failed tries is left and"
            + " each token exists once")
    void brokenOffStepIsRetriedAndShown() throws Exception {
        Letter l = send(id -> desk.breakOff(id, ProcessingStep.TIMESTAMP, 2));
        RetriedChain first = awaitRetried(l, 1);
        assertEquals("SUBMIT", first.step(), "the earlier steps of the failed transaction are done again");
        assertTrue(first.lastFailure().startsWith("TIMESTAMP step: IllegalStateException: the TIMESTAMP operator did"
                + " not answer"), first.lastFailure());
        assertEquals(first.failedAt().plusSeconds(5), first.nextTry());
        Timeline delayed = bundles.timeline(l.sender().id(), l.id(), SOURCE);
        assertEquals("RUNNING", delayed.state());
        assertEquals(Optional.of(new Timeline.Delay("SUBMIT", 1, first.nextTry())), delayed.delay());
        assertEquals(Optional.empty(), delayed.stopReason(), "a passing fault does not stop the chain");
        assertEquals(List.of(), runner.tokens(l.id()), "nothing of the failed try is kept");
        assertEquals(CorrespondenceStatus.SUBMITTED, drafts.get(l.sender().id(), l.id(), SOURCE).status());

        time.advance(Duration.ofSeconds(6));
        RetriedChain second = awaitRetried(l, 2);
        assertEquals(second.failedAt().plusSeconds(10), second.nextTry(), "twice as long after the second failure");

        runner.tryNow(OPERATOR, l.id(), SOURCE);
        awaitStatus(l, CorrespondenceStatus.DELIVERED);
        assertTrue(runner.retried(50).stream().noneMatch(r -> r.correspondenceId().equals(l.id())),
                "no longer listed once a step went through");
        var late = assertThrows(NotFoundException.class, () -> runner.tryNow(OPERATOR, l.id(), SOURCE));
        assertTrue(late.getMessage().startsWith("No chain of that correspondence is waiting for a retry"),
                late.getMessage());
        assertEquals(List.of("chain.try-now OK next try at once, after 2 failed tries",
                        "chain.try-now REFUSED not waiting for a retry"),
                probe.auditOf(l.id()).stream().filter(a -> a.startsWith("chain.")).sorted().toList(),
                "the operator's request is in the audit trail, and so is the refused one");
        assertEquals(Optional.empty(), bundles.timeline(l.sender().id(), l.id(), SOURCE).delay());
        assertTokensInOrder(runner.tokens(l.id()), ProcessingStep.HANDOVER.ordinal() * 4 + 2);
        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance"), events(l.id()),
                "each evidence record once");
    }

    @Test
    @DisplayName("SPEC §4, rules 24/26: a delivery notice the gateway refuses, or that may or may not have left, is"
            + " evidence of a failed notification with its reason, once; the letter waits in the office all the same")
    void noticeThatFailsOrMayHaveLeftIsEvidence() throws Exception {
        TestUser refusing = substantial(users.active("Arq Recipient " + TestUsers.suffix()));
        TestUser unsure = substantial(users.active("Arq Recipient " + TestUsers.suffix()));
        gateways.cutOff(refusing.mobile(), SmsException.Kind.INVALID_NUMBER);
        gateways.breakOffAfterSending(unsure.mobile());
        try {
            Letter refused = send(refusing, id -> { });
            Letter uncertain = send(unsure, id -> { });

            Timeline.Event failed = awaitNotificationFailure(refused);
            assertTrue(failed.reason().startsWith("The SMS notice could not be delivered (FAILED: INVALID_NUMBER: "),
                    failed.reason());
            Timeline.Event unknown = awaitNotificationFailure(uncertain);
            assertTrue(unknown.reason().startsWith("Whether the SMS notice reached the recipient is not known: The"
                    + " gateway failed in a way that does not say whether the notice left"), unknown.reason());
            for (Timeline.Event e : List.of(failed, unknown)) {
                assertTrue(e.reason().endsWith("The correspondence waits in the recipient's office all the same."),
                        e.reason());
            }
            assertEquals(0, sms.outboxFor(refusing.mobile(), 20).stream()
                    .filter(m -> m.body().contains("is waiting for you in your private office")).count(),
                    "refused: it never left");
            assertEquals(1, sms.outboxFor(unsure.mobile(), 20).stream()
                    .filter(m -> m.body().contains("is waiting for you in your private office")).count(),
                    "of unknown fate: it left once and is not sent again");

            for (Letter l : List.of(refused, uncertain)) {
                assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance",
                        "ConsignmentNotificationFailure"), events(l.id()), "once, and no ConsignmentNotification");
                assertTrue(ledger.of(l.id()).stream()
                        .noneMatch(e -> e.event() == EvidenceEvent.CONSIGNMENT_NOTIFICATION));
                assertEquals(Optional.of(l.recipient().id()), ledger.of(l.id()).stream()
                        .filter(e -> e.event() == EvidenceEvent.CONSIGNMENT_NOTIFICATION_FAILURE).findFirst()
                        .orElseThrow().recipientId(), "the record names the recipient who was not told");
                assertEquals(DeliveryStatus.WAITING, inboxEntry(l).status());
                VerificationReport report = verifyBundle(bundles.bundle(l.sender().id(), l.id(), SOURCE).zip(), l);
                assertTrue(report.allOk(), report.failures().toString());
            }
        } finally {
            gateways.reconnect(refusing.mobile());
            gateways.reconnect(unsure.mobile());
        }
    }

    /** Waits for the evidence that the recipient of {@code l} was not shown to be notified, as his sender reads it. */
    private Timeline.Event awaitNotificationFailure(Letter l) throws InterruptedException {
        AtomicReference<Timeline.Event> found = new AtomicReference<>();
        await("the notification failure of " + l.id(), CHAIN_TIMEOUT, () -> {
            bundles.timeline(l.sender().id(), l.id(), SOURCE).events().stream()
                    .filter(e -> e.event().equals("ConsignmentNotificationFailure")).findFirst().ifPresent(found::set);
            return found.get() != null;
        }, () -> events(l.id()).toString());
        return found.get();
    }

    // ---- the recipient's answers -------------------------------------------------------------------

    @Test
    @DisplayName("SPEC §3/§4: a refusal is evidence with its reason, releases nothing to the recipient, and the"
            + " chain still archives; the sender sees the outcome")
    void refusalArchivesWithoutReleasingTheContent() throws Exception {
        Letter l = send(id -> { });
        awaitStatus(l, CorrespondenceStatus.DELIVERED);
        ChallengeView handover = inbox.startHandover(l.recipient().id(), l.id(), SOURCE);

        InboxItem refused = inbox.answer(l.recipient().id(), l.id(), handover.challengeId(),
                TestUsers.codeIn(handoverMessage(l.recipient()).body()), "refuse", SOURCE);

        assertEquals(DeliveryStatus.REFUSED, refused.status());
        assertEquals(Optional.empty(), refused.text());
        assertTrue(refused.parts().isEmpty());
        assertEquals(Optional.empty(), refused.sender(), "still hidden: he did not accept");
        assertEquals(Optional.empty(), refused.subject());
        for (String part : List.of(TEXT_PART, FILE_NAME)) {
            var e = assertThrows(DomicileException.class, () -> inbox.part(l.recipient().id(), l.id(), part, SOURCE));
            assertTrue(e.getMessage().contains("only once you have accepted"), e.getMessage());
        }
        var again = assertThrows(AlreadyAnsweredException.class,
                () -> inbox.startHandover(l.recipient().id(), l.id(), SOURCE));
        assertEquals("You have already refused this correspondence.", again.getMessage());

        awaitStatus(l, CorrespondenceStatus.ARCHIVED);
        assertEquals(Optional.empty(), inbox.get(l.recipient().id(), l.id(), SOURCE).text());
        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentRejection"),
                events(l.id()));
        Timeline seen = bundles.timeline(l.sender().id(), l.id(), SOURCE);
        assertEquals("DONE", seen.state());
        Timeline.Event rejection = seen.events().stream().filter(e -> e.event().equals("ConsignmentRejection"))
                .findFirst().orElseThrow();
        assertEquals("The recipient refused the correspondence.", rejection.reason());
        assertEquals("REFUSED", archiveEntry(l.recipient(), l.id()).status());
        assertEquals("ARCHIVED", archiveEntry(l.sender(), l.id()).status());
        assertTokensInOrder(runner.tokens(l.id()), ProcessingStep.values().length * 4);
        assertTrue(chainCheck(runner.tokens(l.id())).complete());
    }

    @Test
    @DisplayName("SPEC §3: unanswered past the handover period, the delivery expires with evidence and the chain"
            + " archives; a late answer is refused and changes nothing")
    void unansweredDeliveryExpires() throws Exception {
        Letter l = send(id -> { });
        awaitStatus(l, CorrespondenceStatus.DELIVERED);
        ChallengeView handover = inbox.startHandover(l.recipient().id(), l.id(), SOURCE);
        String code = TestUsers.codeIn(handoverMessage(l.recipient()).body());

        time.advance(settings.handoverPeriod().plusHours(1));
        Supplier<DeliveryStatus> status = () -> inbox.get(l.recipient().id(), l.id(), SOURCE).status();
        await("the delivery expired (expiry runs every 3 s)", Duration.ofSeconds(15),
                () -> status.get() == DeliveryStatus.EXPIRED, () -> status.get().name());
        awaitStatus(l, CorrespondenceStatus.ARCHIVED);

        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance", "AcceptanceRejectionExpiry"),
                events(l.id()));
        Timeline.Event expiry = bundles.timeline(l.sender().id(), l.id(), SOURCE).events().stream()
                .filter(e -> e.event().equals("AcceptanceRejectionExpiry")).findFirst().orElseThrow();
        assertTrue(expiry.reason().contains("before the deadline"), expiry.reason());
        List<ChainToken> tokens = runner.tokens(l.id());
        assertTokensInOrder(tokens, ProcessingStep.values().length * 4);
        int evidence = ledger.of(l.id()).size();

        var late = assertThrows(AlreadyAnsweredException.class, () -> inbox.answer(l.recipient().id(), l.id(),
                handover.challengeId(), code, "ACCEPT", SOURCE));
        assertEquals("The deadline to accept this correspondence has passed.", late.getMessage());
        var lateSession = assertThrows(AlreadyAnsweredException.class,
                () -> inbox.startHandover(l.recipient().id(), l.id(), SOURCE));
        assertEquals(late.getMessage(), lateSession.getMessage());
        assertEquals(DeliveryStatus.EXPIRED, inbox.get(l.recipient().id(), l.id(), SOURCE).status());
        assertThrows(DomicileException.class, () -> inbox.part(l.recipient().id(), l.id(), TEXT_PART, SOURCE));
        assertEquals(evidence, ledger.of(l.id()).size(), "no evidence of a late answer");
        assertEquals(tokens.size(), runner.tokens(l.id()).size());
        assertEquals("EXPIRED", archiveEntry(l.recipient(), l.id()).status());
    }

    // ---- rule 16: who may see what -----------------------------------------------------------------

    @Test
    @DisplayName("Rule 16: another office asking for the letter, its file, inbox entry, timeline or evidence gets"
            + " 'not found' and each try is audited; the sender cannot use the inbox for his own letter")
    void otherOfficesGetNotFound() throws Exception {
        Letter l = send(id -> { });
        awaitStatus(l, CorrespondenceStatus.DELIVERED);
        String file = chainProbe.attachmentIds(l.id()).get(0);
        TestUser intruder = users.active();
        String noChallenge = "AAAAAAAAAAAAAAAAAAAAAA";
        int evidence = ledger.of(l.id()).size();

        Map<String, Runnable> intrusions = new LinkedHashMap<>();
        intrusions.put("correspondence", () -> drafts.get(intruder.id(), l.id(), SOURCE));
        intrusions.put("attachment", () -> drafts.attachment(intruder.id(), l.id(), file, SOURCE));
        intrusions.put("inbox entry", () -> inbox.get(intruder.id(), l.id(), SOURCE));
        intrusions.put("inbox part", () -> inbox.part(intruder.id(), l.id(), TEXT_PART, SOURCE));
        intrusions.put("handover session", () -> inbox.startHandover(intruder.id(), l.id(), SOURCE));
        intrusions.put("answer", () -> inbox.answer(intruder.id(), l.id(), noChallenge, "123456", "ACCEPT", SOURCE));
        intrusions.put("timeline", () -> bundles.timeline(intruder.id(), l.id(), SOURCE));
        intrusions.put("evidence bundle", () -> bundles.bundle(intruder.id(), l.id(), SOURCE));
        assertAllNotFoundAndAudited(intruder, l.id(), intrusions);
        assertTrue(inbox.list(intruder.id(), 50).isEmpty());
        assertTrue(archive.search(intruder.id(), ArchiveQuery.all()).isEmpty());

        Map<String, Runnable> senderAsRecipient = new LinkedHashMap<>();
        senderAsRecipient.put("inbox entry", () -> inbox.get(l.sender().id(), l.id(), SOURCE));
        senderAsRecipient.put("inbox part", () -> inbox.part(l.sender().id(), l.id(), TEXT_PART, SOURCE));
        senderAsRecipient.put("handover session", () -> inbox.startHandover(l.sender().id(), l.id(), SOURCE));
        senderAsRecipient.put("answer", () -> inbox.answer(l.sender().id(), l.id(), noChallenge, "123456", "ACCEPT",
                SOURCE));
        assertAllNotFoundAndAudited(l.sender(), l.id(), senderAsRecipient);

        Map<String, Runnable> recipientAsSender = new LinkedHashMap<>();
        recipientAsSender.put("correspondence", () -> drafts.get(l.recipient().id(), l.id(), SOURCE));
        recipientAsSender.put("attachment", () -> drafts.attachment(l.recipient().id(), l.id(), file, SOURCE));
        assertAllNotFoundAndAudited(l.recipient(), l.id(), recipientAsSender);

        assertEquals(DeliveryStatus.WAITING, inbox.get(l.recipient().id(), l.id(), SOURCE).status(), "nothing changed");
        assertEquals(evidence, ledger.of(l.id()).size());
        assertEquals("WAITING", bundles.timeline(l.sender().id(), l.id(), SOURCE).state(),
                "the sender follows his letter");
        assertTrue(bundles.bundle(l.recipient().id(), l.id(), SOURCE).zip().length > 0,
                "the recipient may download the evidence");
    }

    // ---- rule 24: each step exactly once -----------------------------------------------------------

    @Test
    @DisplayName("Rule 24: advancing one chain from several threads at once does each step once: tokens 1..32"
            + " without gaps or repeats, each evidence record once")
    void concurrentAdvancesDoEachStepOnce() throws Exception {
        Letter l = send(id -> desk.holdAt(id, ProcessingStep.SUBMIT));
        List<Parallel.Outcome<Boolean>> racing;
        try {
            assertTrue(desk.awaitHeld(CHAIN_TIMEOUT), "the worker took the SUBMIT step");
            // The worker holds SUBMIT open; four more threads take the same step at the same instant.
            racing = Parallel.times(4, () -> runner.advance(l.id()));
        } finally {
            desk.release();
        }
        assertTrue(racing.stream().anyMatch(Parallel.Outcome::succeeded), Parallel.describe(racing));
        awaitStatus(l, CorrespondenceStatus.DELIVERED);
        assertTokensInOrder(runner.tokens(l.id()), ProcessingStep.HANDOVER.ordinal() * 4 + 2);
        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance"), events(l.id()));

        ChallengeView handover = inbox.startHandover(l.recipient().id(), l.id(), SOURCE);
        inbox.answer(l.recipient().id(), l.id(), handover.challengeId(),
                TestUsers.codeIn(handoverMessage(l.recipient()).body()), "ACCEPT", SOURCE);
        awaitStatus(l, CorrespondenceStatus.ARCHIVED);
        List<String> evidence = events(l.id());

        List<Parallel.Outcome<Boolean>> late = Parallel.times(4, () -> runner.advance(l.id()));
        assertTrue(late.stream().allMatch(o -> o.succeeded() && !o.value()),
                "nothing is due in an archived chain: " + Parallel.describe(late));
        List<ChainToken> tokens = runner.tokens(l.id());
        assertTokensInOrder(tokens, ProcessingStep.values().length * 4);
        assertTrue(chainCheck(tokens).complete(), chainCheck(tokens).findings().toString());
        assertEquals(List.of("SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentAcceptance",
                "ContentHandover"), evidence);
        assertEquals(evidence, events(l.id()), "evidence count unchanged");
        List<Integer> seqs = ledger.of(l.id()).stream().map(EvidenceEntry::seq).toList();
        assertEquals(IntStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /**
     * A registered letter with a text and a PDF from a SUBSTANTIAL sender to a SUBSTANTIAL recipient,
     * validated and confirmed with the code; {@code beforeConfirm} gets its id before it is submitted.
     */
    private Letter send(Consumer<String> beforeConfirm) {
        return send(substantial(users.active("Arq Recipient " + TestUsers.suffix())), beforeConfirm);
    }

    private Letter send(TestUser recipient, Consumer<String> beforeConfirm) {
        TestUser sender = substantial(users.active("Arq Sender " + TestUsers.suffix()));
        counterparts.add(sender.id(), recipient.key());
        String subject = "Résiliation du bail " + TestUsers.suffix();
        String text = "Bail du 3 rue des Lilas : résiliation au 30 juin.\nCordialement";
        byte[] pdf = ("%PDF-1.4\n% lease " + TestUsers.suffix() + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String id = drafts.create(sender.id(), new DraftForm("REGISTERED", subject, text, List.of(recipient.key())),
                SOURCE).id();
        drafts.addAttachment(sender.id(), id, FILE_NAME, new ByteArrayInputStream(pdf), SOURCE);
        assertTrue(validation.validate(sender.id(), id, SOURCE).ready());
        ChallengeView challenge = sending.start(sender.id(), id, SOURCE);
        beforeConfirm.accept(id);
        CorrespondenceView sent = sending.confirm(sender.id(), id, challenge.challengeId(),
                users.lastCode(sender.mobile()), SOURCE);
        assertTrue(sent.submittedAt().isPresent(), sent.toString());
        return new Letter(id, sender, recipient, subject, text, pdf);
    }

    private TestUser substantial(TestUser u) {
        trust.change(OPERATOR, u.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        return u;
    }

    /** Waits until the sender sees {@code status}; a chain that stops on the way fails at once with its reason. */
    private void awaitStatus(Letter l, CorrespondenceStatus status) throws InterruptedException {
        await("the correspondence is " + status, CHAIN_TIMEOUT, () -> {
            CorrespondenceView v = drafts.get(l.sender().id(), l.id(), SOURCE);
            if (v.status() == CorrespondenceStatus.STOPPED && status != CorrespondenceStatus.STOPPED) {
                fail("the chain stopped: " + v.stopReason().orElse("(no reason)"));
            }
            // DELIVERED is set by the DELIVER step; the HANDOVER order follows in a transaction of its
            // own: a delivered letter is settled once that order and its acknowledgement are there.
            return v.status() == status && (status != CorrespondenceStatus.DELIVERED
                    || runner.tokens(l.id()).size() >= ProcessingStep.HANDOVER.ordinal() * 4 + 2);
        }, () -> drafts.get(l.sender().id(), l.id(), SOURCE).status() + ", tokens "
                + runner.tokens(l.id()).size());
    }

    /** Waits until the operator console lists the chain of {@code l} with {@code tries} failed tries. */
    private RetriedChain awaitRetried(Letter l, int tries) throws InterruptedException {
        var found = new AtomicReference<RetriedChain>();
        await("the chain is retried after " + tries + " failed tries", CHAIN_TIMEOUT, () -> {
            runner.retried(50).stream().filter(r -> r.correspondenceId().equals(l.id()) && r.tries() == tries)
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        }, () -> runner.retried(50).toString());
        return found.get();
    }

    /** Polls {@code condition} on the wall clock (the server's clock may have been moved). */
    private static void await(String what, Duration timeout, Supplier<Boolean> condition, Supplier<String> state)
            throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(end)) {
                fail("waited " + timeout.toSeconds() + " s for: " + what + "; now: " + state.get());
            }
            Thread.sleep(200);
        }
    }

    /**
     * The chain stopped at {@code step}: the sender reads a reason naming the broken rule, the
     * timeline and the failure evidence carry the same reason, the failed step has no
     * countersignature, nothing reached the recipient, and nothing more happens.
     */
    private String assertStoppedAt(Letter l, ProcessingStep step, String... reasonParts) throws InterruptedException {
        awaitStatus(l, CorrespondenceStatus.STOPPED);
        CorrespondenceView view = drafts.get(l.sender().id(), l.id(), SOURCE);
        String reason = view.stopReason().orElseThrow(() -> new AssertionError("no stop reason for the sender"));
        for (String part : reasonParts) {
            assertTrue(reason.contains(part), "the reason names " + part + ": " + reason);
        }
        assertTrue(reason.contains(step.name()), "the reason names the step: " + reason);

        Timeline timeline = bundles.timeline(l.sender().id(), l.id(), SOURCE);
        assertEquals("STOPPED", timeline.state());
        assertEquals(Optional.of(reason), timeline.stopReason());
        assertEquals(List.of("SubmissionAcceptance", "ContentConsignmentFailure"), events(l.id()),
                "no evidence of a notification that did not happen");
        Timeline.Event failure = timeline.events().get(timeline.events().size() - 1);
        assertEquals("ContentConsignmentFailure", failure.event());
        assertEquals(reason, failure.reason(), "the evidence records the reason");

        List<ChainToken> tokens = runner.tokens(l.id());
        boolean beforeOrder = reason.contains("certified at");
        int expected = step.ordinal() * 4 + (beforeOrder ? 0 : 3);
        assertTokensInOrder(tokens, expected);
        assertTrue(tokens.stream().noneMatch(t -> t.step() == step && t.kind() == TokenKind.COUNTERSIGNATURE),
                "the failed step is not countersigned");

        assertEquals(0, probe.countRows("delivery", "correspondence_id", l.id()), "nothing delivered");
        assertTrue(inbox.list(l.recipient().id(), 50).stream().noneMatch(i -> i.id().equals(l.id())));
        var e = assertThrows(NotFoundException.class, () -> inbox.get(l.recipient().id(), l.id(), SOURCE));
        assertEquals(NOT_FOUND, e.getMessage());

        assertFalse(runner.advance(l.id()), "a stopped chain has nothing due");
        assertEquals(expected, runner.tokens(l.id()).size());
        assertEquals(CorrespondenceStatus.STOPPED, drafts.get(l.sender().id(), l.id(), SOURCE).status());
        return reason;
    }

    /** What the offline chain check finds in the tokens of a stopped chain: never complete. */
    private void assertOffline(Letter l, Optional<ChainCheck.Problem> expected) {
        ChainCheck.Result result = chainCheck(runner.tokens(l.id()));
        assertFalse(result.complete(), "a stopped chain is not complete");
        if (expected.isPresent()) {
            assertTrue(result.findings().stream().anyMatch(f -> f.problem() == expected.get()),
                    "the offline check finds " + expected.get() + ": " + result.findings());
        }
    }

    /** Tokens numbered 1..n without gaps or repeats, four per step in step order, in their kinds' order. */
    private static void assertTokensInOrder(List<ChainToken> tokens, int n) {
        assertEquals(n, tokens.size(), "token count: " + tokens.stream().map(t -> t.seq() + ":" + t.step() + "/"
                + t.kind()).toList());
        ProcessingStep[] steps = ProcessingStep.values();
        TokenKind[] kinds = TokenKind.values();
        for (int i = 0; i < n; i++) {
            ChainToken t = tokens.get(i);
            assertEquals(i + 1, t.seq(), "token numbers run 1.." + n);
            assertEquals(steps[i / 4], t.step(), "token " + (i + 1));
            assertEquals(kinds[i % 4], t.kind(), "token " + (i + 1));
        }
        assertEquals(n, tokens.stream().map(ChainToken::tokenId).distinct().count(), "every token id once");
    }

    /** The certification library's check of the whole chain, with the CA and every issuer's certificate. */
    private ChainCheck.Result chainCheck(List<ChainToken> tokens) {
        Map<String, X509Certificate> issuers = new LinkedHashMap<>();
        issuers.put(CertificationTokens.CERTIFICATION_SERVER, certification.certificate());
        for (ProcessingOperator o : operators.all()) {
            issuers.put(o.id(), certificate(o.certificatePem()));
        }
        return new ChainCheck(certification.verifier(), issuers).check(tokens.stream().map(ChainToken::bytes).toList());
    }

    /** The offline verifier's report on a bundle, given the letter's text and file as content. */
    private VerificationReport verifyBundle(byte[] zip, Letter l) throws IOException {
        Path dir = Files.createTempDirectory("evidence-bundle");
        try {
            Path bundle = Files.write(dir.resolve("bundle.zip"), zip);
            Path text = Files.write(dir.resolve("message.txt"), utf8(l.text()));
            Path file = Files.write(dir.resolve("file.pdf"), l.file());
            return new BundleVerifier(Clock.systemUTC(), certification.caCertificate())
                    .verify(bundle, Map.of(TEXT_PART, text, FILE_NAME, file));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Every call fails with the same "not found", and each leaves one DENIED access line for its caller. */
    private void assertAllNotFoundAndAudited(TestUser caller, String id, Map<String, Runnable> calls) {
        Function<String, Long> denied = login -> audit.latestFor(id, 1000).stream()
                .filter(e -> e.actor().equals(login) && e.outcome().equals("DENIED") && e.action().endsWith(".access"))
                .count();
        long before = denied.apply(caller.login());
        var notFound = new ArrayList<String>();
        calls.forEach((what, call) -> {
            var e = assertThrows(NotFoundException.class, call::run, what);
            if (!NOT_FOUND.equals(e.getMessage())) {
                notFound.add(what + ": " + e.getMessage());
            }
        });
        assertEquals(List.of(), notFound, "the same message for every use case");
        assertEquals(before + calls.size(), denied.apply(caller.login()), "one DENIED line per try: "
                + audit.latestFor(id, 1000).stream().map(ProcessingChainContainerTest::line).toList());
    }

    private static String line(AuditEvent e) {
        return e.actor() + " " + e.action() + " " + e.outcome() + " " + e.detail();
    }

    private InboxItem inboxEntry(Letter l) {
        return inbox.list(l.recipient().id(), 50).stream().filter(i -> i.id().equals(l.id())).findFirst()
                .orElseThrow(() -> new AssertionError("not in the recipient's inbox"));
    }

    private ArchiveEntry archiveEntry(TestUser office, String id) {
        return archive.search(office.id(), ArchiveQuery.all()).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the archive of " + office.login()));
    }

    /** The newest text message with a handover code to this user's phone. */
    private OutboxEntry handoverMessage(TestUser u) {
        return sms.outboxFor(u.mobile(), 20).stream().filter(m -> m.body().contains("confirms your answer"))
                .findFirst().orElseThrow(() -> new AssertionError("no handover code was sent"));
    }

    /** The evidence events of a correspondence in order; notices may or may not produce ConsignmentNotification. */
    private List<String> events(String id) {
        return ledger.of(id).stream().map(EvidenceEntry::event)
                .filter(e -> e != EvidenceEvent.CONSIGNMENT_NOTIFICATION).map(EvidenceEvent::etsiName).toList();
    }

    private static List<String> stepNames(int n) {
        return Arrays.stream(ProcessingStep.values()).limit(n).map(Enum::name).toList();
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
