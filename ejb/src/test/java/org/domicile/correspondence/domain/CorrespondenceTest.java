package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.identity.domain.AccountId;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.Ids;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules the correspondence guards itself. */
class CorrespondenceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final AccountId SENDER = new AccountId(Ids.newId());
    private static final PartyRef ALICE = new PartyRef(PartyKind.USER, Ids.newId());
    private static final PartyRef ACME = new PartyRef(PartyKind.ORGANISATION, Ids.newId());
    private static final String SHA = "ab".repeat(32);

    private static DraftContent content(String text, PartyRef... recipients) {
        return new DraftContent(CorrespondenceKind.REGISTERED, new Subject("Mise en demeure"), new MessageText(text),
                List.of(recipients));
    }

    private static Correspondence draft() {
        return Correspondence.draft(SENDER, content("Bonjour", ALICE), T0);
    }

    private static Attachment attach(Correspondence c, String name, long size) {
        return c.addAttachment(new AttachmentName(name), ContentType.PDF, size, SHA, T0.plusSeconds(1));
    }

    @Test
    @DisplayName("A new draft belongs to its sender, in state DRAFT, with nothing validated")
    void newDraft() {
        Correspondence c = draft();
        assertEquals(CorrespondenceStatus.DRAFT, c.status());
        assertTrue(c.isSentBy(SENDER));
        assertEquals(List.of(ALICE), c.recipients());
        assertEquals(Optional.empty(), c.validatedDigest());
        assertEquals(T0, c.createdAt());
    }

    @Test
    @DisplayName("Validation freezes the digest of the current content")
    void validateFreezes() {
        Correspondence c = draft();
        ContentManifest m = c.validate(T0.plusSeconds(5));
        assertEquals(CorrespondenceStatus.VALIDATED, c.status());
        assertEquals(Optional.of(m.digestHex()), c.validatedDigest());
        assertEquals(Optional.of(T0.plusSeconds(5)), c.validatedAt());
        assertEquals(m.digestHex(), c.readyToSend().digestHex());
    }

    @Test
    @DisplayName("Any edit (text, recipients, files added or removed) drops the validation")
    void editClearsValidation() {
        Correspondence c = draft();
        String first = c.validate(T0).digestHex();
        c.edit(content("Bonjour encore", ALICE), T0.plusSeconds(1));
        assertEquals(CorrespondenceStatus.DRAFT, c.status());
        assertEquals(Optional.empty(), c.validatedDigest());
        assertNotEquals(first, c.manifest().digestHex());
        assertThrows(DomicileException.class, c::readyToSend);

        c.validate(T0);
        Attachment a = attach(c, "a.pdf", 10);
        assertEquals(CorrespondenceStatus.DRAFT, c.status(), "adding a file");

        c.validate(T0);
        c.removeAttachment(a.id(), T0);
        assertEquals(CorrespondenceStatus.DRAFT, c.status(), "removing a file");

        c.validate(T0);
        c.edit(content("Bonjour encore", ACME, ALICE), T0);
        assertEquals(CorrespondenceStatus.DRAFT, c.status(), "changing the recipients");
        assertEquals(List.of(ACME, ALICE), c.recipients(), "in the order given");
    }

    @Test
    @DisplayName("Only a validated draft with an unchanged digest, confirmed for that digest, is submitted")
    void submit() {
        Correspondence c = draft();
        assertThrows(DomicileException.class, () -> c.submit(c.manifest().digest(), T0), "not validated");
        ContentManifest m = c.validate(T0);
        c.sendingStarted("challenge-1");
        assertTrue(c.isSendingChallenge("challenge-1"));
        assertThrows(DomicileException.class, () -> c.submit(ContentManifest.sha256(new byte[] {1}), T0),
                "a code confirmed for another digest");
        assertEquals(CorrespondenceStatus.VALIDATED, c.status());

        c.submit(m.digest(), T0.plusSeconds(9));
        assertEquals(CorrespondenceStatus.SUBMITTED, c.status());
        assertEquals(Optional.of(T0.plusSeconds(9)), c.submittedAt());
        assertEquals(Optional.of(m.digestHex()), c.validatedDigest(), "the sealed digest stays on record");
    }

    @Test
    @DisplayName("A submitted correspondence is frozen: no edit, file, validation, new session or deletion")
    void submittedIsFrozen() {
        Correspondence c = draft();
        Attachment a = attach(c, "a.pdf", 10);
        ContentManifest m = c.validate(T0);
        c.submit(m.digest(), T0);
        assertThrows(NotEditableException.class, () -> c.edit(content("changed", ALICE), T0));
        assertThrows(NotEditableException.class, () -> attach(c, "b.pdf", 10));
        assertThrows(NotEditableException.class, () -> c.removeAttachment(a.id(), T0));
        assertThrows(NotEditableException.class, () -> c.validate(T0));
        assertThrows(NotEditableException.class, () -> c.sendingStarted("challenge-2"));
        assertThrows(NotEditableException.class, () -> c.submit(m.digest(), T0));
        assertThrows(NotEditableException.class, c::requireDeletable);
        assertEquals(m.digestHex(), c.manifest().digestHex(), "content unchanged");
    }

    @Test
    @DisplayName("Recipients: 1 to 50, never the sender, never twice, never a processing operator")
    void recipientRules() {
        assertThrows(BadInputException.class, () -> Correspondence.draft(SENDER, content("x"), T0));
        assertThrows(BadInputException.class, () -> Correspondence.draft(SENDER,
                content("x", new PartyRef(PartyKind.USER, SENDER.value())), T0));
        assertThrows(BadInputException.class, () -> Correspondence.draft(SENDER, content("x", ALICE, ALICE), T0));
        assertThrows(BadInputException.class, () -> Correspondence.draft(SENDER,
                content("x", new PartyRef(PartyKind.OPERATOR, "op-seal")), T0));
        var fifty = new ArrayList<PartyRef>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new PartyRef(PartyKind.USER, Ids.newId()));
        }
        Correspondence c = Correspondence.draft(SENDER, content("x", fifty.toArray(PartyRef[]::new)), T0);
        fifty.add(ALICE);
        var e = assertThrows(BadInputException.class, () -> c.edit(content("x", fifty.toArray(PartyRef[]::new)), T0));
        assertTrue(e.getMessage().contains("at most 50"), e.getMessage());
    }

    @Test
    @DisplayName("Rule 27: at most 20 files and 25 MB per correspondence; unique names; message.txt is the text's")
    void attachmentLimits() {
        Correspondence c = draft();
        for (int i = 1; i <= 20; i++) {
            attach(c, "f" + i + ".pdf", 1000);
        }
        var e = assertThrows(BadInputException.class, () -> attach(c, "f21.pdf", 1000));
        assertTrue(e.getMessage().contains("at most 20 files"), e.getMessage());
        assertEquals(20, c.attachments().size());

        Correspondence big = draft();
        attach(big, "a.pdf", 10L * 1024 * 1024);
        attach(big, "b.pdf", 10L * 1024 * 1024);
        attach(big, "c.pdf", 5L * 1024 * 1024);
        e = assertThrows(BadInputException.class, () -> attach(big, "d.pdf", 1));
        assertTrue(e.getMessage().contains("25 MB"), e.getMessage());
        assertEquals(25L * 1024 * 1024, big.attachmentBytes());

        Correspondence named = draft();
        attach(named, "Lettre.pdf", 1);
        assertThrows(BadInputException.class, () -> attach(named, "lettre.PDF", 1));
        assertThrows(BadInputException.class, () -> attach(named, "Message.TXT", 1));
    }

    @Test
    @DisplayName("Files keep the order they were added in, also after one is removed")
    void attachmentOrder() {
        Correspondence c = draft();
        Attachment a = attach(c, "a.pdf", 1);
        attach(c, "b.pdf", 1);
        c.removeAttachment(a.id(), T0);
        attach(c, "c.pdf", 1);
        assertEquals(List.of("b.pdf", "c.pdf"), c.attachments().stream().map(Attachment::fileName).toList());
        assertEquals(List.of("message.txt", "b.pdf", "c.pdf"),
                c.manifest().parts().stream().map(ContentManifest.Part::name).toList());
    }
}
