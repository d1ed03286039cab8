package org.domicile.delivery.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domicile.audit.AuditLog;
import org.domicile.correspondence.application.AttachmentDownload;
import org.domicile.correspondence.application.SealedContents;
import org.domicile.correspondence.domain.Attachment;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.delivery.domain.AlreadyAnsweredException;
import org.domicile.delivery.domain.Delivery;
import org.domicile.delivery.domain.DeliveryStatus;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.Ids;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.TimeSource;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.domain.Purpose;

/**
 * The recipient's side of a correspondence: his inbox, the handover session (SPEC §3: he opens a
 * correspondence session at the kind's level — trust check and a fresh code — then accepts or
 * refuses), and the content released once he has accepted. Every id is checked against his
 * office: another office's correspondence is "not found", and the attempt is logged.
 */
@Stateless
public class Inbox {

    static final String NOT_FOUND = "There is no such correspondence in your office.";
    static final String DECISION_RULE = "Decision: choose ACCEPT or REFUSE.";
    static final String NOT_ACCEPTED = "The content is released only once you have accepted the correspondence.";

    /** What the recipient decides. */
    public enum Decision {
        ACCEPT, REFUSE;

        static Optional<Decision> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(values()).filter(d -> d.name().equals(v)).findFirst();
        }
    }

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    CorrespondenceRepository correspondences;

    @EJB
    Deliveries deliveries;

    @EJB
    SessionOpening opening;

    @EJB
    SealedContents sealed;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    /** The recipient's correspondence, most recently delivered first. */
    public List<InboxItem> list(String accountId, int limit) {
        Account me = account(accountId);
        List<Delivery> mine = em.createQuery("select d from Delivery d where d.recipientId = :r"
                + " order by d.deliveredAt desc", Delivery.class).setParameter("r", me.id().value())
                .setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
        Map<String, Correspondence> letters = correspondences.findAll(
                mine.stream().map(Delivery::correspondenceId).toList());
        var items = new ArrayList<InboxItem>(mine.size());
        for (Delivery d : mine) {
            Correspondence c = letters.get(d.correspondenceId());
            if (c != null) {
                items.add(item(c, d, false, me));
            }
        }
        return items;
    }

    /** One correspondence of the recipient's office; text and files only once accepted. */
    public InboxItem get(String accountId, String correspondenceId, String source) {
        Account me = account(accountId);
        Delivery d = delivery(me, correspondenceId, "read", source);
        Correspondence c = correspondence(d);
        return item(c, d, d.status() == DeliveryStatus.ACCEPTED, me);
    }

    /**
     * Opens the handover session: the trust check of the recipient, the sender and the chain at
     * the kind's level (signed decision), and a code by SMS bound to this correspondence.
     */
    public ChallengeView startHandover(String accountId, String correspondenceId, String source) {
        Account me = account(accountId);
        Delivery d = lockedDelivery(me, correspondenceId, "open a handover session", source);
        requireWaiting(d);
        Correspondence c = correspondence(d);
        ChallengeView view = opening.open(me, Purpose.CORRESPONDENCE, c.kind().requiredLevel(),
                List.of(new org.domicile.certification.trust.PartyRef(
                        org.domicile.certification.trust.PartyKind.USER, c.sender().value())),
                boundData(c, me), HandoverSmsText.of(c, settings.codeTtl()), source);
        d.handoverStarted(view.challengeId());
        audit.recordDone(me.loginName(), "correspondence.handover-session", c.id().value(), source,
                "challenge " + view.challengeId());
        return view;
    }

    /** A new code for the same handover session, after the cooldown. */
    public ChallengeView resendHandover(String accountId, String correspondenceId, String challengeId, String source) {
        Account me = account(accountId);
        Delivery d = lockedDelivery(me, correspondenceId, "open a handover session", source);
        requireWaiting(d);
        requireSession(me, d, challengeId);
        Correspondence c = correspondence(d);
        return opening.resend(challengeId, me, boundData(c, me), HandoverSmsText.of(c, settings.codeTtl()), source);
    }

    /**
     * The recipient's answer, confirmed with the code of his handover session. Accepting releases
     * the content to him; refusing does not. Either is final and becomes evidence.
     */
    public InboxItem answer(String accountId, String correspondenceId, String challengeId, String code,
                            String decision, String source) {
        Account me = account(accountId);
        Decision choice = Decision.parse(decision)
                .orElseThrow(() -> new BadInputException("decision", DECISION_RULE));
        Delivery d = lockedDelivery(me, correspondenceId, "answer", source);
        if (d.status().answered()) {
            throw new AlreadyAnsweredException(d.status());
        }
        Instant now = time.now();
        if (d.isPastDeadline(now)) {
            throw new AlreadyAnsweredException(DeliveryStatus.EXPIRED);
        }
        requireSession(me, d, challengeId);
        // Answers to one correspondence are taken one at a time, so that exactly one of them
        // sees that every recipient has answered.
        Correspondence c = correspondences.lock(new CorrespondenceId(d.correspondenceId()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        opening.confirm(challengeId, boundData(c, me), code, source);
        if (choice == Decision.ACCEPT) {
            d.accept(now);
        } else {
            d.refuse(now);
        }
        audit.recordDone(me.loginName(), "correspondence." + (choice == Decision.ACCEPT ? "accepted" : "refused"),
                c.id().value(), source, "challenge " + challengeId);
        deliveries.announce(d, now);
        return item(c, d, d.status() == DeliveryStatus.ACCEPTED, me);
    }

    /** One part (text or file) of an accepted correspondence, opened with the recipient's key. */
    public AttachmentDownload part(String accountId, String correspondenceId, String partName, String source) {
        Account me = account(accountId);
        Delivery d = delivery(me, correspondenceId, "download a file", source);
        if (d.status() != DeliveryStatus.ACCEPTED) {
            throw new DomicileException(NOT_ACCEPTED);
        }
        Correspondence c = correspondence(d);
        Map<String, byte[]> parts = sealed.open(c, me.id().value());
        byte[] bytes = parts.get(partName);
        if (bytes == null) {
            throw new NotFoundException("This correspondence has no such file.");
        }
        String type = ContentManifest.TEXT_PART.equals(partName) ? "text/plain; charset=UTF-8"
                : c.attachments().stream().filter(a -> a.fileName().equals(partName)).map(Attachment::mediaType)
                .findFirst().orElse("application/octet-stream");
        return new AttachmentDownload(partName, type, bytes);
    }

    /** Whether the account received this correspondence (for the evidence bundle's access check). */
    public Optional<Delivery> deliveryOf(String accountId, String correspondenceId) {
        if (!Ids.looksLikeId(accountId) || correspondenceId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Delivery.class, new Delivery.Key(correspondenceId, accountId)));
    }

    private InboxItem item(Correspondence c, Delivery d, boolean released, Account me) {
        boolean visible = released || !settings.hidesSenderAndSubject(c.kind().name());
        Optional<String> sender = visible
                ? accounts.find(c.sender()).map(Account::displayName) : Optional.empty();
        Optional<String> subject = visible ? Optional.of(c.subject().value()) : Optional.empty();
        Optional<String> text = Optional.empty();
        List<InboxItem.Part> parts = List.of();
        if (released) {
            Map<String, byte[]> opened = sealed.open(c, me.id().value());
            byte[] t = opened.getOrDefault(ContentManifest.TEXT_PART, new byte[0]);
            text = Optional.of(new String(t, StandardCharsets.UTF_8));
            var list = new ArrayList<InboxItem.Part>();
            list.add(new InboxItem.Part(ContentManifest.TEXT_PART, "text/plain", t.length,
                    ContentManifest.hex(ContentManifest.sha256(t))));
            for (Attachment a : c.attachments()) {
                list.add(new InboxItem.Part(a.fileName(), a.mediaType(), a.size(), a.sha256()));
            }
            parts = List.copyOf(list);
        }
        return new InboxItem(c.id().value(), c.kind(), c.kind().requiredLevel(), d.status(), d.deliveredAt(),
                d.deadline(), d.answeredAt(), sender, subject, text, parts);
    }

    private static byte[] boundData(Correspondence c, Account recipient) {
        String what = "domicile-handover/1\n" + c.id().value() + "\n" + recipient.id().value() + "\n"
                + c.validatedDigest().orElse("") + "\n";
        return ContentManifest.sha256(what.getBytes(StandardCharsets.UTF_8));
    }

    private void requireSession(Account me, Delivery d, String challengeId) {
        boolean ours = d.isHandoverChallenge(challengeId)
                && opening.ownerOf(challengeId).map(me.id().value()::equals).orElse(false)
                && opening.purposeOf(challengeId).map(Purpose.CORRESPONDENCE::equals).orElse(false);
        if (!ours) {
            throw new CodeRejectedException(SessionOpening.NO_LONGER_VALID, 0);
        }
    }

    private void requireWaiting(Delivery d) {
        if (d.status().answered()) {
            throw new AlreadyAnsweredException(d.status());
        }
        if (d.isPastDeadline(time.now())) {
            throw new AlreadyAnsweredException(DeliveryStatus.EXPIRED);
        }
    }

    private Account account(String accountId) {
        return (Ids.looksLikeId(accountId) ? accounts.find(new AccountId(accountId)) : Optional.<Account>empty())
                .orElseThrow(() -> new DomicileException("Your session has ended. Please log in again."));
    }

    private Delivery delivery(Account me, String correspondenceId, String action, String source) {
        return deliveryOf(me.id().value(), correspondenceId).orElseGet(() -> {
            denied(me, correspondenceId, action, source);
            return null;
        });
    }

    private Delivery lockedDelivery(Account me, String correspondenceId, String action, String source) {
        Delivery d = delivery(me, correspondenceId, action, source);
        em.lock(d, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(d);
        return d;
    }

    private void denied(Account me, String correspondenceId, String action, String source) {
        audit.record(me.loginName(), "correspondence.access", correspondenceId == null ? "-" : correspondenceId,
                "DENIED", source, "access denied: " + action + " on a correspondence not delivered to this office");
        throw new NotFoundException(NOT_FOUND);
    }

    private Correspondence correspondence(Delivery d) {
        return correspondences.find(new CorrespondenceId(d.correspondenceId()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
