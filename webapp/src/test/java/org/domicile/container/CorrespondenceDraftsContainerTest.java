package org.domicile.container;

import static org.domicile.container.TestUsers.SOURCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.naming.InitialContext;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.application.AttachmentDownload;
import org.domicile.correspondence.application.AttachmentView;
import org.domicile.correspondence.application.CorrespondenceSending;
import org.domicile.correspondence.application.CorrespondenceView;
import org.domicile.correspondence.application.DraftForm;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.application.RecipientView;
import org.domicile.correspondence.application.Validation;
import org.domicile.correspondence.application.ValidationView;
import org.domicile.correspondence.domain.AttachmentName;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceStatus;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.correspondence.domain.NotEditableException;
import org.domicile.directory.application.Counterparts;
import org.domicile.platform.BadInputException;
import org.domicile.platform.Ids;
import org.domicile.platform.LimitReachedException;
import org.domicile.platform.NotFoundException;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.TrustRefusedException;
import org.domicile.session.domain.Purpose;
import org.domicile.trust.application.TrustLevels;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Correspondence drafts in the server, on the configured database: writing, attaching files
 * (SECURITY-BASELINE 27), validating (the sender sees what will be sealed, with its digest), and
 * the correspondence session that confirms exactly that content with a code (SPEC §2, §3);
 * another office's ids are not found and are audited (16); bad input changes nothing (29).
 */
@ExtendWith(ArquillianExtension.class)
class CorrespondenceDraftsContainerTest {

    private static final String OPERATOR = "arq-operator";
    private static final int MB = 1024 * 1024;

    @Deployment
    static WebArchive deployment() {
        return ContainerDeployment.archive();
    }

    @Inject
    MovableTimeSource time;

    @Inject
    TestUsers users;

    @Inject
    ContainerProbe probe;

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

    @AfterEach
    void wallClock() {
        time.reset();
    }

    // ---- the whole way: draft, files, validation, correspondence session, submission ----------

    @Test
    @DisplayName("SPEC §3: draft to counterparts, PDF and text attached, validated as computed here, confirmed by SMS code")
    void simpleLetterIsValidatedConfirmedAndSubmitted() {
        TestUser sender = users.active();
        TestUser r1 = counterpartOf(sender, users.active("Arq Recipient " + TestUsers.suffix()));
        TestUser r2 = counterpartOf(sender, users.active("Arq Recipient " + TestUsers.suffix()));
        String subject = "Renouvellement du bail " + TestUsers.suffix() + " et révision du loyer";
        String text = "Confidential: the rent rises by 3 % from 1 July.\nRegards";
        CorrespondenceView draft = drafts.create(sender.id(), form("SIMPLE", subject, text, r1, r2), SOURCE);
        assertEquals(CorrespondenceStatus.DRAFT, draft.status());
        assertEquals(List.of(r1.key(), r2.key()), draft.recipients().stream().map(RecipientView::key).toList());
        assertSummary(drafts.summary(sender.id(), draft.id(), SOURCE), CorrespondenceStatus.DRAFT, 2, 0);

        byte[] pdf = pdf("lease terms");
        byte[] annex = "Annexe : état des lieux\n".getBytes(StandardCharsets.UTF_8);
        AttachmentView pdfView = upload(sender, draft.id(), "bail signé.pdf", pdf);
        AttachmentView annexView = upload(sender, draft.id(), "annexe.txt", annex);
        assertEquals("application/pdf", pdfView.mediaType());
        assertEquals("text/plain; charset=utf-8", annexView.mediaType());

        ValidationView v = validation.validate(sender.id(), draft.id(), SOURCE);

        assertEquals(List.of("message.txt", "bail signé.pdf", "annexe.txt"),
                v.parts().stream().map(ValidationView.Part::name).toList());
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        assertPart(v.parts().get(0), textBytes);
        assertPart(v.parts().get(1), pdf);
        assertPart(v.parts().get(2), annex);
        String manifest = "domicile-correspondence-manifest/1\nkind:SIMPLE\nsubject:" + subject + "\n"
                + "recipient:USER:" + r1.id() + "\nrecipient:USER:" + r2.id() + "\n"
                + "part:" + sha256(textBytes) + ":" + textBytes.length + ":message.txt\n"
                + "part:" + sha256(pdf) + ":" + pdf.length + ":bail signé.pdf\n"
                + "part:" + sha256(annex) + ":" + annex.length + ":annexe.txt\n";
        assertEquals(sha256(manifest.getBytes(StandardCharsets.UTF_8)), v.contentDigest(),
                "the digest is SHA-256 over the canonical manifest");
        assertEquals(TrustLevel.LOW, v.requiredLevel());
        assertFalse(v.hidesSenderAndSubjectUntilAcceptance());
        assertTrue(v.ready(), v.toString());
        assertEquals(List.of(r1.displayName(), r2.displayName()),
                v.recipients().stream().map(ValidationView.LevelCheck::displayName).toList());
        assertEquals(CorrespondenceStatus.VALIDATED, drafts.get(sender.id(), draft.id(), SOURCE).status());

        long textsBefore = users.messagesTo(sender.mobile());
        ChallengeView challenge = sending.start(sender.id(), draft.id(), SOURCE);

        assertEquals(Purpose.CORRESPONDENCE, challenge.purpose());
        assertEquals(textsBefore + 1, users.messagesTo(sender.mobile()));
        String sms = users.lastMessage(sender.mobile()).body();
        assertTrue(sms.contains("simple letter"), sms);
        assertTrue(sms.contains("\"" + subject.substring(0, 40) + "…\""), "subject cut to 40: " + sms);
        assertTrue(sms.contains("to 2 recipients"), sms);
        assertFalse(sms.contains("Confidential") || sms.contains("rent") || sms.contains("annexe")
                || sms.contains("bail signé"), "no content in the SMS: " + sms);

        CorrespondenceView sent = sending.confirm(sender.id(), draft.id(), challenge.challengeId(),
                TestUsers.codeIn(sms), SOURCE);

        assertEquals(CorrespondenceStatus.SUBMITTED, sent.status());
        assertTrue(sent.submittedAt().isPresent());
        assertEquals(v.contentDigest(), sent.validatedDigest().orElseThrow(), "the digest that was confirmed");
        assertFalse(drafts.get(sender.id(), draft.id(), SOURCE).status().isEditable(),
                "submitted, and from then on only the processing chain moves it");
        assertEquals("OPENED", probe.challenge(challenge.challengeId()).status());
        assertTrue(probe.auditOf(draft.id()).stream().anyMatch(l -> l.startsWith("correspondence.submitted OK")
                && l.contains(v.contentDigest())), probe.auditOf(draft.id()).toString());
        AttachmentDownload stored = drafts.attachment(sender.id(), draft.id(), pdfView.id(), SOURCE);
        assertArrayEquals(pdf, stored.content(), "the bytes are stored as uploaded");
        assertEquals("bail signé.pdf", stored.fileName());
        assertTrue(drafts.mine(sender.id()).isEmpty(), "a sent correspondence is no longer a draft");
        CorrespondenceSummary state = drafts.summary(sender.id(), draft.id(), SOURCE);
        assertFalse(state.status().isEditable(), state.toString());
        assertEquals(subject, state.subject());
        assertEquals(List.of(2, 2), List.of(state.recipients(), state.attachments()), state.toString());
    }

    /** The state a client following its correspondence reads: status and counts, nothing of the content. */
    private static void assertSummary(CorrespondenceSummary state, CorrespondenceStatus status, int recipients,
                                      int attachments) {
        assertEquals(status, state.status(), state.toString());
        assertEquals(List.of(recipients, attachments), List.of(state.recipients(), state.attachments()),
                "recipients and attachments: " + state);
    }

    @Test
    @DisplayName("SPEC §2: a code bound to one content fails for changed content and for another correspondence")
    void codeForOtherContentFails() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        String id = drafts.create(sender.id(), form("SIMPLE", "Avenant", "Version 1", r), SOURCE).id();
        String firstDigest = validation.validate(sender.id(), id, SOURCE).contentDigest();
        ChallengeView first = sending.start(sender.id(), id, SOURCE);
        String code = users.lastCode(sender.mobile());

        drafts.edit(sender.id(), id, form("SIMPLE", "Avenant", "Version 2", r), SOURCE);
        var changed = assertThrows(CodeRejectedException.class,
                () -> sending.confirm(sender.id(), id, first.challengeId(), code, SOURCE));
        assertTrue(changed.getMessage().contains("has changed since this code was sent"), changed.getMessage());
        assertEquals(new ContainerProbe.ChallengeState("PENDING", 1), probe.challenge(first.challengeId()),
                "checked against the new content's digest: a counted wrong try");
        assertEquals(CorrespondenceStatus.DRAFT, drafts.get(sender.id(), id, SOURCE).status());

        String secondDigest = validation.validate(sender.id(), id, SOURCE).contentDigest();
        assertNotEquals(firstDigest, secondDigest);
        assertThrows(CodeRejectedException.class,
                () -> sending.confirm(sender.id(), id, first.challengeId(), code, SOURCE),
                "validated again: still not the content the code was sent for");
        assertEquals(2, probe.challenge(first.challengeId()).attempts());

        String other = drafts.create(sender.id(), form("SIMPLE", "Autre", "Version 2", r), SOURCE).id();
        validation.validate(sender.id(), other, SOURCE);
        assertThrows(CodeRejectedException.class,
                () -> sending.confirm(sender.id(), other, first.challengeId(), code, SOURCE),
                "a challenge of one correspondence confirms no other");
        assertEquals(CorrespondenceStatus.VALIDATED, drafts.get(sender.id(), other, SOURCE).status());

        time.advance(Duration.ofSeconds(31));
        ChallengeView second = sending.start(sender.id(), id, SOURCE);
        CorrespondenceView sent = sending.confirm(sender.id(), id, second.challengeId(),
                users.lastCode(sender.mobile()), SOURCE);
        assertEquals(CorrespondenceStatus.SUBMITTED, sent.status());
        assertEquals(secondDigest, sent.validatedDigest().orElseThrow());
    }

    @Test
    @DisplayName("Rule 9: a registered letter to a LOW recipient is refused naming him, no SMS; at SUBSTANTIAL it goes")
    void registeredNeedsSubstantialRecipients() {
        TestUser sender = users.active();
        trust.change(OPERATOR, sender.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        TestUser r = counterpartOf(sender, users.active("Arq Low Recipient " + TestUsers.suffix()));
        String id = drafts.create(sender.id(), form("REGISTERED", "Mise en demeure", "Payez.", r), SOURCE).id();

        ValidationView v = validation.validate(sender.id(), id, SOURCE);
        assertEquals(TrustLevel.SUBSTANTIAL, v.requiredLevel());
        assertTrue(v.hidesSenderAndSubjectUntilAcceptance());
        assertTrue(v.sender().reachesLevel());
        assertEquals("needs level SUBSTANTIAL, has LOW", v.recipients().get(0).explanation());
        assertFalse(v.ready());

        long challenges = probe.challengesOf(sender.id());
        long texts = probe.smsRecordsTo(sender.mobile());
        var refused = assertThrows(TrustRefusedException.class, () -> sending.start(sender.id(), id, SOURCE));
        assertTrue(refused.getMessage().contains(r.displayName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("SUBSTANTIAL"), refused.getMessage());
        assertEquals(1, refused.reasons().size(), refused.reasons().toString());
        assertEquals(challenges, probe.challengesOf(sender.id()), "no challenge");
        assertEquals(texts, probe.smsRecordsTo(sender.mobile()), "no SMS");
        assertEquals(CorrespondenceStatus.VALIDATED, drafts.get(sender.id(), id, SOURCE).status());

        trust.change(OPERATOR, r.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        assertTrue(validation.validate(sender.id(), id, SOURCE).ready());
        ChallengeView challenge = sending.start(sender.id(), id, SOURCE);
        assertTrue(users.lastMessage(sender.mobile()).body().contains("registered letter \"Mise en demeure\" to 1"
                + " recipient."), users.lastMessage(sender.mobile()).body());
        assertEquals(CorrespondenceStatus.SUBMITTED, sending.confirm(sender.id(), id, challenge.challengeId(),
                users.lastCode(sender.mobile()), SOURCE).status());
    }

    // ---- rule 16: another office's correspondence ----------------------------------------------

    @Test
    @DisplayName("Rule 16: another office's correspondence id is not found for every use case, and each try is audited")
    void anotherOfficesCorrespondenceIsNotFound() {
        TestUser owner = users.active();
        TestUser r = counterpartOf(owner, users.active());
        String id = drafts.create(owner.id(), form("SIMPLE", "Privé", "Only for r", r), SOURCE).id();
        String file = upload(owner, id, "a.txt", "private".getBytes(StandardCharsets.UTF_8)).id();
        CorrespondenceView before = drafts.get(owner.id(), id, SOURCE);
        TestUser intruder = users.active();
        DraftForm overwrite = form("SIMPLE", "Hacked", "x", r);

        List<Runnable> attempts = List.of(
                () -> drafts.get(intruder.id(), id, SOURCE),
                () -> drafts.summary(intruder.id(), id, SOURCE),
                () -> drafts.edit(intruder.id(), id, overwrite, SOURCE),
                () -> drafts.addAttachment(intruder.id(), id, "b.txt", new ByteArrayInputStream("x".getBytes()), SOURCE),
                () -> drafts.removeAttachment(intruder.id(), id, file, SOURCE),
                () -> drafts.attachment(intruder.id(), id, file, SOURCE),
                () -> drafts.delete(intruder.id(), id, SOURCE),
                () -> validation.validate(intruder.id(), id, SOURCE),
                () -> sending.start(intruder.id(), id, SOURCE),
                () -> sending.confirm(intruder.id(), id, "AAAAAAAAAAAAAAAAAAAAAA", "123456", SOURCE));
        var messages = new ArrayList<String>();
        for (Runnable attempt : attempts) {
            messages.add(assertThrows(NotFoundException.class, attempt::run).getMessage());
        }
        messages.add(assertThrows(NotFoundException.class,
                () -> drafts.get(intruder.id(), "AAAAAAAAAAAAAAAAAAAAAA", SOURCE)).getMessage());
        messages.add(assertThrows(NotFoundException.class,
                () -> drafts.get(intruder.id(), "../../etc/passwd", SOURCE)).getMessage());
        assertEquals(1, Set.copyOf(messages).size(), "one answer whether it exists or not: " + messages);

        List<String> denied = probe.auditOf(intruder.login()).stream()
                .filter(l -> l.startsWith("correspondence.access DENIED access denied")).toList();
        assertEquals(attempts.size() + 2, denied.size(), denied.toString());
        assertEquals(attempts.size(), denied.stream().filter(l -> l.contains("of another office")).count());

        CorrespondenceView after = drafts.get(owner.id(), id, SOURCE);
        assertEquals(before.updatedAt(), after.updatedAt(), "nothing changed");
        assertEquals("Privé", after.subject());
        assertEquals(1, after.attachments().size());
        assertEquals(CorrespondenceStatus.DRAFT, after.status());
        assertTrue(drafts.mine(intruder.id()).isEmpty());
    }

    @Test
    @DisplayName("Rule 24: an action's audit line commits with it: a rolled-back draft leaves none, a refusal's line stays")
    void auditLinesFollowTheirAction() throws Exception {
        TestUser owner = users.active();
        TestUser r = counterpartOf(owner, users.active());
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        String undone;
        try {
            undone = drafts.create(owner.id(), form("SIMPLE", "Never kept", "Rolled back", r), SOURCE).id();
        } finally {
            tx.rollback();
        }
        assertTrue(drafts.mine(owner.id()).isEmpty(), "the draft is gone");
        assertEquals(List.of(), probe.auditOf(undone).stream().filter(l -> l.startsWith("correspondence.created"))
                .toList(), "no audit line of an action that did not happen");

        String kept = drafts.create(owner.id(), form("SIMPLE", "Kept", "Committed", r), SOURCE).id();
        assertEquals(1, probe.auditOf(kept).stream().filter(l -> l.startsWith("correspondence.created OK")).count(),
                probe.auditOf(kept).toString());

        TestUser intruder = users.active();
        tx.begin();
        try {
            assertThrows(NotFoundException.class, () -> drafts.get(intruder.id(), kept, SOURCE));
        } finally {
            tx.rollback();
        }
        assertEquals(1, probe.auditOf(intruder.login()).stream()
                        .filter(l -> l.startsWith("correspondence.access DENIED")).count(),
                "a refusal is recorded even when its caller's work rolls back: " + probe.auditOf(intruder.login()));
    }

    // ---- rule 27: files --------------------------------------------------------------------

    @Test
    @DisplayName("Rule 27: the 21st file, an 11 MB file, a .pdf that is text, a zip bomb: clear refusals, nothing stored")
    void attachmentLimits() throws IOException {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        String full = drafts.create(sender.id(), form("SIMPLE", "Vingt pièces", "", r), SOURCE).id();
        for (int i = 1; i <= 20; i++) {
            upload(sender, full, "piece-" + i + ".txt", ("pièce " + i).getBytes(StandardCharsets.UTF_8));
        }
        String twentyFirst = refusal(sender, full, "piece-21.txt", "pièce 21".getBytes(StandardCharsets.UTF_8));
        assertTrue(twentyFirst.contains("at most 20 files"), twentyFirst);
        assertEquals(20, probe.countRows("attachment", "correspondence_id", full));

        String id = drafts.create(sender.id(), form("SIMPLE", "Refusés", "", r), SOURCE).id();
        validation.validate(sender.id(), id, SOURCE);
        byte[] eleven = Arrays.copyOf(pdf("big"), 11 * MB);
        assertEquals("\"big.pdf\" is larger than 10 MB, the limit for one file.", refusal(sender, id, "big.pdf", eleven));
        String disguised = refusal(sender, id, "facture.pdf", "not a PDF at all".getBytes(StandardCharsets.UTF_8));
        assertEquals("\"facture.pdf\" is named .pdf but its content is plain text (UTF-8). A file of this type must be"
                + " named .txt.", disguised);
        String bomb = refusal(sender, id, "contrat.docx", zipBomb());
        assertTrue(bomb.startsWith("\"contrat.docx\" was refused: ") && bomb.contains("zip bomb"), bomb);
        String program = refusal(sender, id, "setup.txt", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        assertTrue(program.contains("not accepted"), program);
        assertEquals(AttachmentName.RULE, refusal(sender, id, "../../etc/passwd", "x".getBytes()));

        assertEquals(0, probe.countRows("attachment", "correspondence_id", id), "nothing stored");
        CorrespondenceView unchanged = drafts.get(sender.id(), id, SOURCE);
        assertEquals(CorrespondenceStatus.VALIDATED, unchanged.status(), "a refused file does not touch the draft");
        assertTrue(probe.auditOf(id).stream().filter(l -> l.startsWith("correspondence.file-added REFUSED")).count() >= 5,
                probe.auditOf(id).toString());
    }

    @Test
    @DisplayName("Rule 27: a 10 MB file is stored and read back intact; an office's unsent files may take 200 MB in all")
    void officeQuota() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        String earlier = drafts.create(sender.id(), form("SIMPLE", "Ancien", "", r), SOURCE).id();
        probe.addAttachmentRecord(earlier, 189L * MB + MB / 2);
        String id = drafts.create(sender.id(), form("SIMPLE", "Nouveau", "", r), SOURCE).id();
        byte[] tenMegabytes = new byte[10 * MB];
        new Random(3).nextBytes(tenMegabytes);
        byte[] header = pdf("ten");
        System.arraycopy(header, 0, tenMegabytes, 0, header.length);
        AttachmentView big = upload(sender, id, "big.pdf", tenMegabytes);
        assertEquals(10 * MB, big.size());
        assertEquals(sha256(tenMegabytes), big.sha256());
        assertArrayEquals(tenMegabytes, drafts.attachment(sender.id(), id, big.id(), SOURCE).content());

        String refused = refusal(sender, id, "one-mega.pdf", Arrays.copyOf(pdf("one"), MB));
        assertTrue(refused.contains("at most 200 MB"), refused);
        assertEquals(1, probe.countRows("attachment", "correspondence_id", id));
    }

    @Test
    @DisplayName("Rule 6: a new code for the same content after the cooldown; the old one stops working")
    void resendForTheSameContent() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        TestUser r2 = counterpartOf(sender, users.active());
        String id = drafts.create(sender.id(), new DraftForm("SIMPLE", "Convocation", "AG le 3 juin",
                List.of(r.key(), r2.key())), SOURCE).id();
        validation.validate(sender.id(), id, SOURCE);
        ChallengeView first = sending.start(sender.id(), id, SOURCE);
        String oldCode = users.lastCode(sender.mobile());
        assertTrue(users.lastMessage(sender.mobile()).body().contains("to 2 recipients"));

        assertThrows(LimitReachedException.class,
                () -> sending.resend(sender.id(), id, first.challengeId(), SOURCE));
        time.advance(Duration.ofSeconds(31));
        ChallengeView again = sending.resend(sender.id(), id, first.challengeId(), SOURCE);
        assertEquals(first.challengeId(), again.challengeId());
        String newCode = users.lastCode(sender.mobile());
        if (!newCode.equals(oldCode)) {
            assertThrows(CodeRejectedException.class,
                    () -> sending.confirm(sender.id(), id, first.challengeId(), oldCode, SOURCE));
        }
        assertEquals(CorrespondenceStatus.SUBMITTED,
                sending.confirm(sender.id(), id, first.challengeId(), newCode, SOURCE).status());
    }

    @Test
    @DisplayName("An organisation has no private office: sending to it is refused with its name, no code is sent")
    void organisationCannotReceiveYet() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        var organisation = trust.registerOrganisation(OPERATOR, "Arq Org " + TestUsers.suffix(),
                "org." + TestUsers.suffix() + "@example.org", SOURCE);
        String id = drafts.create(sender.id(), new DraftForm("SIMPLE", "Convocation", "AG le 3 juin",
                List.of(r.key(), "ORGANISATION:" + organisation.id())), SOURCE).id();
        validation.validate(sender.id(), id, SOURCE);
        long before = users.messagesTo(sender.mobile());
        var refused = assertThrows(BadInputException.class, () -> sending.start(sender.id(), id, SOURCE));
        assertTrue(refused.getMessage().contains("has no private office"), refused.getMessage());
        assertEquals(before, users.messagesTo(sender.mobile()), "no code was sent");
        assertEquals(CorrespondenceStatus.VALIDATED, drafts.get(sender.id(), id, SOURCE).status());
    }

    // ---- what may change when ----------------------------------------------------------------

    @Test
    @DisplayName("A submitted correspondence can no longer be edited, completed, validated, sent again or deleted")
    void submittedIsFrozen() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        String id = drafts.create(sender.id(), form("SIMPLE", "Définitif", "Texte", r), SOURCE).id();
        String file = upload(sender, id, "a.txt", "annexe".getBytes(StandardCharsets.UTF_8)).id();
        validation.validate(sender.id(), id, SOURCE);
        ChallengeView c = sending.start(sender.id(), id, SOURCE);
        sending.confirm(sender.id(), id, c.challengeId(), users.lastCode(sender.mobile()), SOURCE);
        CorrespondenceView sent = drafts.get(sender.id(), id, SOURCE);

        assertThrows(NotEditableException.class,
                () -> drafts.edit(sender.id(), id, form("SIMPLE", "Changé", "Autre", r), SOURCE));
        assertThrows(NotEditableException.class, () -> upload(sender, id, "b.txt", "b".getBytes()));
        assertThrows(NotEditableException.class, () -> drafts.removeAttachment(sender.id(), id, file, SOURCE));
        assertThrows(NotEditableException.class, () -> drafts.delete(sender.id(), id, SOURCE));
        assertThrows(NotEditableException.class, () -> validation.validate(sender.id(), id, SOURCE));
        assertThrows(NotEditableException.class, () -> sending.start(sender.id(), id, SOURCE));
        assertThrows(CodeRejectedException.class, () -> sending.confirm(sender.id(), id, c.challengeId(),
                users.lastCode(sender.mobile()), SOURCE), "the code is used up and the letter sent");

        // The chain moves the status on and protects the content; what was sent never changes.
        CorrespondenceView after = drafts.get(sender.id(), id, SOURCE);
        assertEquals(List.of(sent.subject(), sent.text(), sent.attachments(), sent.validatedDigest(), sent.submittedAt()),
                List.of(after.subject(), after.text(), after.attachments(), after.validatedDigest(), after.submittedAt()),
                "nothing the sender confirmed changed");
        assertArrayEquals("annexe".getBytes(StandardCharsets.UTF_8),
                drafts.attachment(sender.id(), id, file, SOURCE).content(), "the file reads back as sent");
    }

    @Test
    @DisplayName("A change to a sent correspondence is refused at once, even while the chain holds its row")
    void sentIsRefusedWithoutWaitingForTheChain() throws Exception {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());
        String id = drafts.create(sender.id(), form("SIMPLE", "Tenu", "Texte", r), SOURCE).id();
        validation.validate(sender.id(), id, SOURCE);
        ChallengeView c = sending.start(sender.id(), id, SOURCE);
        sending.confirm(sender.id(), id, c.challengeId(), users.lastCode(sender.mobile()), SOURCE);

        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Future<?> chain = executor.submit(() -> {
            probe.holdLocked(id, held, release);
            return null;
        });
        try {
            assertTrue(held.await(30, TimeUnit.SECONDS), "the row is held");
            long start = System.nanoTime();
            assertThrows(NotEditableException.class,
                    () -> drafts.edit(sender.id(), id, form("SIMPLE", "Changé", "Autre", r), SOURCE));
            assertThrows(NotEditableException.class, () -> drafts.delete(sender.id(), id, SOURCE));
            assertThrows(NotEditableException.class, () -> upload(sender, id, "b.txt", "b".getBytes()));
            assertThrows(NotEditableException.class, () -> validation.validate(sender.id(), id, SOURCE));
            assertThrows(CodeRejectedException.class, () -> sending.confirm(sender.id(), id, c.challengeId(),
                    users.lastCode(sender.mobile()), SOURCE));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0,
                    "the sender was told without waiting for the chain, waited " + waited);
        } finally {
            release.countDown();
            chain.get(60, TimeUnit.SECONDS);
        }
        assertEquals("Tenu", drafts.get(sender.id(), id, SOURCE).subject(), "nothing changed");
    }

    @Test
    @DisplayName("Drafts are listed newest first, keep their recipients' order, and are deleted with their files")
    void draftsAreListedEditedAndDeleted() {
        TestUser sender = users.active();
        TestUser r1 = counterpartOf(sender, users.active());
        TestUser r2 = users.active();
        String older = drafts.create(sender.id(), form("SIMPLE", "Premier", "a", r1), SOURCE).id();
        time.advance(Duration.ofSeconds(5));
        String newer = drafts.create(sender.id(), form("REGISTERED_WITH_ACKNOWLEDGEMENT", "Second", "b", r1, r2),
                SOURCE).id();
        String f1 = upload(sender, newer, "a.txt", "a".getBytes()).id();
        String f2 = upload(sender, newer, "b.png", png()).id();

        List<CorrespondenceSummary> mine = drafts.mine(sender.id());
        assertEquals(List.of(newer, older), mine.stream().map(s -> s.id().value()).toList());
        assertEquals(CorrespondenceKind.REGISTERED_WITH_ACKNOWLEDGEMENT, mine.get(0).kind());
        assertEquals(2, mine.get(0).recipients());
        assertEquals(2, mine.get(0).attachments());
        assertEquals(0, mine.get(1).attachments());

        String before = validation.validate(sender.id(), newer, SOURCE).contentDigest();
        CorrespondenceView reordered = drafts.edit(sender.id(), newer,
                form("REGISTERED_WITH_ACKNOWLEDGEMENT", "Second", "b", r2, r1), SOURCE);
        assertEquals(List.of(r2.key(), r1.key()), reordered.recipients().stream().map(RecipientView::key).toList());
        assertEquals(List.of(r2.key(), r1.key()), drafts.get(sender.id(), newer, SOURCE).recipients().stream()
                .map(RecipientView::key).toList(), "the order is stored");
        assertTrue(reordered.validatedDigest().isEmpty(), "an edit drops the validation");
        assertNotEquals(before, validation.validate(sender.id(), newer, SOURCE).contentDigest());
        drafts.edit(sender.id(), newer, form("REGISTERED_WITH_ACKNOWLEDGEMENT", "Second", "b", r2), SOURCE);
        assertEquals(1, drafts.get(sender.id(), newer, SOURCE).recipients().size());

        drafts.removeAttachment(sender.id(), newer, f1, SOURCE);
        assertEquals(0, probe.countRows("attachment_content", "attachment_id", f1), "its bytes are gone");
        assertEquals(List.of(f2), drafts.get(sender.id(), newer, SOURCE).attachments().stream()
                .map(AttachmentView::id).toList());

        drafts.delete(sender.id(), newer, SOURCE);
        assertEquals(0, probe.countRows("correspondence", "id", newer));
        assertEquals(0, probe.countRows("correspondence_recipient", "correspondence_id", newer));
        assertEquals(0, probe.countRows("attachment", "correspondence_id", newer));
        assertEquals(0, probe.countRows("attachment_content", "attachment_id", f2));
        assertEquals(List.of(older), drafts.mine(sender.id()).stream().map(s -> s.id().value()).toList());
        assertThrows(NotFoundException.class, () -> drafts.get(sender.id(), newer, SOURCE));
    }

    // ---- rule 29: bad input ----------------------------------------------------------------------

    @Test
    @DisplayName("Rule 29: every bad field gets its own message, and a refused request creates or changes nothing")
    void badInputIsReportedPerField() {
        TestUser sender = users.active();
        TestUser r = counterpartOf(sender, users.active());

        var all = assertThrows(BadInputException.class, () -> drafts.create(sender.id(),
                new DraftForm("EXPRESS", " ", "nul \0 byte", List.of()), SOURCE));
        assertEquals(Set.of("kind", "subject", "text", "recipients"), all.fieldErrors().keySet());
        assertTrue(all.fieldErrors().get("kind").contains("SIMPLE, REGISTERED or REGISTERED_WITH_ACKNOWLEDGEMENT"));

        assertEquals("Recipients: you cannot send a correspondence to yourself.", recipientsError(sender,
                List.of(sender.key())));
        assertEquals("Recipients: one of the chosen parties is not in the directory.", recipientsError(sender,
                List.of("USER:AAAAAAAAAAAAAAAAAAAAAA")));
        assertTrue(recipientsError(sender, List.of(r.key(), r.key())).contains("is chosen twice"));
        assertEquals("Recipients: choose users or organisations from the directory.", recipientsError(sender,
                List.of("OPERATOR:op-seal")));
        var many = new ArrayList<String>();
        for (int i = 0; i < 51; i++) {
            many.add("USER:" + Ids.newId());
        }
        assertEquals("Recipients: at most 50 per correspondence.", recipientsError(sender, many));
        var longSubject = assertThrows(BadInputException.class, () -> drafts.create(sender.id(),
                form("SIMPLE", "s".repeat(201), "", r), SOURCE));
        assertEquals(Set.of("subject"), longSubject.fieldErrors().keySet());
        assertTrue(drafts.mine(sender.id()).isEmpty(), "nothing was created");

        String id = drafts.create(sender.id(), form("SIMPLE", "Correct", "Texte", r), SOURCE).id();
        CorrespondenceView before = drafts.get(sender.id(), id, SOURCE);
        assertThrows(BadInputException.class, () -> drafts.edit(sender.id(), id,
                form("SIMPLE", "Deux\nlignes", "Texte", r), SOURCE));
        assertEquals(before, drafts.get(sender.id(), id, SOURCE), "a refused edit changes nothing");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private TestUser counterpartOf(TestUser owner, TestUser other) {
        counterparts.add(owner.id(), other.key());
        return other;
    }

    private static DraftForm form(String kind, String subject, String text, TestUser... recipients) {
        return new DraftForm(kind, subject, text, Arrays.stream(recipients).map(TestUser::key).toList());
    }

    private String recipientsError(TestUser sender, List<String> keys) {
        var e = assertThrows(BadInputException.class, () -> drafts.create(sender.id(),
                new DraftForm("SIMPLE", "Objet", "", keys), SOURCE));
        assertEquals(Set.of("recipients"), e.fieldErrors().keySet());
        return e.fieldErrors().get("recipients");
    }

    private AttachmentView upload(TestUser sender, String id, String name, byte[] bytes) {
        return drafts.addAttachment(sender.id(), id, name, new ByteArrayInputStream(bytes), SOURCE);
    }

    private String refusal(TestUser sender, String id, String name, byte[] bytes) {
        var e = assertThrows(BadInputException.class, () -> upload(sender, id, name, bytes));
        assertEquals(Set.of("file"), e.fieldErrors().keySet());
        return e.getMessage();
    }

    private static void assertPart(ValidationView.Part part, byte[] expected) {
        assertEquals(expected.length, part.size(), part.name());
        assertEquals(sha256(expected), part.sha256(), part.name());
    }

    private static byte[] pdf(String words) {
        return ("%PDF-1.4\n% " + words + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    /** A "docx" whose document part is 50 MB of zeros, about 50 KB packed. */
    private static byte[] zipBomb() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[MB];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < 200_000, "the bomb is small: " + out.size());
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
