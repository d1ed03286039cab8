package org.domicile.correspondence.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domicile.certification.protect.ContentProtection;
import org.domicile.certification.protect.ProtectedContent;
import org.domicile.correspondence.domain.Attachment;
import org.domicile.correspondence.domain.ContentManifest;
import org.domicile.correspondence.domain.ContentPackage;
import org.domicile.correspondence.domain.Correspondence;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.correspondence.domain.SealedContent;
import org.domicile.keys.application.HeldKey;
import org.domicile.keys.application.PartyKeys;
import org.domicile.keys.domain.KeyUse;
import org.domicile.platform.DomicileException;
import org.domicile.platform.NotFoundException;

/**
 * Confidentiality at rest (SPEC §5, provider-protected mode; SECURITY-BASELINE 18): the PROTECT
 * step puts every part in one package, encrypts it with AES-256-GCM under a fresh content key
 * (the correspondence id bound as associated data) and wraps that key for each recipient and the
 * sender (CMS EnvelopedData, ECDH P-256); then the plain text and files are deleted. Afterwards
 * the content is read only by opening it with a reader's key, which the provider holds for him.
 */
@Stateless
public class SealedContents {

    @Inject
    CorrespondenceRepository repository;

    @EJB
    PartyKeys keys;

    /** The parts as they will be sealed: the text first ("message.txt"), then the files in order. */
    public List<ContentPackage.Part> plainParts(Correspondence c) {
        var parts = new ArrayList<ContentPackage.Part>();
        parts.add(new ContentPackage.Part(ContentManifest.TEXT_PART, c.text().utf8()));
        for (Attachment a : c.attachments()) {
            byte[] bytes = repository.content(a.id())
                    .orElseThrow(() -> new IllegalStateException("the file " + a.id() + " has no content")).bytes();
            parts.add(new ContentPackage.Part(a.fileName(), bytes));
        }
        return parts;
    }

    /**
     * Encrypts the content for {@code readers} (account ids), stores it and forgets the plain
     * text and files, in the caller's transaction. Returns the stored bytes.
     */
    public byte[] protect(Correspondence c, List<String> readers, Instant now) {
        List<X509Certificate> certificates = readers.stream().map(r -> keys.certificate(r, KeyUse.OPEN)).toList();
        byte[] plain = ContentPackage.encode(plainParts(c));
        byte[] sealed = ContentProtection.protect(plain, aad(c), certificates).encode();
        repository.storeSealed(new SealedContent(c.id(), sealed, now));
        for (Attachment a : c.attachments()) {
            repository.removeContent(a.id());
        }
        c.forgetPlainText();
        return sealed;
    }

    /** Whether the content is protected (the PROTECT step has run). */
    public boolean isSealed(Correspondence c) {
        return repository.sealed(c.id()).isPresent();
    }

    /**
     * The parts by name, opened with {@code reader}'s key. The caller has checked that he may
     * read them (sender, or recipient who accepted).
     */
    public Map<String, byte[]> open(Correspondence c, String reader) {
        SealedContent sealed = repository.sealed(c.id())
                .orElseThrow(() -> new NotFoundException("This correspondence has no protected content yet."));
        HeldKey key = keys.of(reader, KeyUse.OPEN);
        try {
            byte[] plain = ContentProtection.open(ProtectedContent.decode(sealed.bytes()), aad(c), key.key(),
                    key.certificate());
            return ContentPackage.decode(plain);
        } catch (RuntimeException e) {
            throw new DomicileException("The content of this correspondence could not be opened.");
        }
    }

    /** The text, opened for {@code reader}. */
    public String text(Correspondence c, String reader) {
        byte[] text = open(c, reader).get(ContentManifest.TEXT_PART);
        return text == null ? "" : new String(text, StandardCharsets.UTF_8);
    }

    private static byte[] aad(Correspondence c) {
        return ("domicile/correspondence/" + c.id().value()).getBytes(StandardCharsets.UTF_8);
    }
}
