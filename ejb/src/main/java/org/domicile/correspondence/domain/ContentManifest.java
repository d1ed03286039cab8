package org.domicile.correspondence.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.domicile.certification.trust.PartyRef;

/**
 * Exactly what will be sealed, and what the SMS code of the correspondence session confirms:
 * the SHA-256 of this manifest is the session's bound data (SPEC §2; seed 000: the code is
 * bound to the hash of the order).
 *
 * <p>Canonical form, version 1: UTF-8 text, every line ended by one LF (0x0A), nothing else:
 * <pre>
 * domicile-correspondence-manifest/1
 * kind:KIND                        the enum name, e.g. REGISTERED
 * subject:SUBJECT                  as stored (stripped, no control characters)
 * recipient:KIND:ID                one line per recipient, in the order the sender chose (USER or ORGANISATION)
 * part:SHA256:SIZE:NAME            one line per part: first the text as "message.txt", then each
 *                                  attachment in the order added; SHA256 = lower-case hex of the
 *                                  part's bytes, SIZE = its length in bytes (decimal)
 * </pre>
 * Subjects and names can hold no line break (control characters are refused) and each line
 * ends with its only free-form field, so two different contents never share a manifest.
 * The content digest is SHA-256 over these bytes.
 */
public final class ContentManifest {

    public static final String VERSION_LINE = "domicile-correspondence-manifest/1";
    /** The name under which the text is sealed; no attachment may take it. */
    public static final String TEXT_PART = "message.txt";

    /** One sealed part: its name, size in bytes and SHA-256 (lower-case hex). */
    public record Part(String name, long size, String sha256) {
    }

    private final CorrespondenceKind kind;
    private final String subject;
    private final List<PartyRef> recipients;
    private final List<Part> parts;
    private final byte[] canonical;
    private final byte[] digest;

    private ContentManifest(CorrespondenceKind kind, String subject, List<PartyRef> recipients, List<Part> parts) {
        this.kind = kind;
        this.subject = subject;
        this.recipients = List.copyOf(recipients);
        this.parts = List.copyOf(parts);
        var b = new StringBuilder(256);
        b.append(VERSION_LINE).append('\n');
        b.append("kind:").append(kind.name()).append('\n');
        b.append("subject:").append(subject).append('\n');
        for (PartyRef r : this.recipients) {
            b.append("recipient:").append(r.kind().name()).append(':').append(r.id()).append('\n');
        }
        for (Part p : this.parts) {
            b.append("part:").append(p.sha256()).append(':').append(p.size()).append(':').append(p.name()).append('\n');
        }
        this.canonical = b.toString().getBytes(StandardCharsets.UTF_8);
        this.digest = sha256(canonical);
    }

    /** The manifest of a content: the text becomes the first part, "message.txt". */
    public static ContentManifest of(CorrespondenceKind kind, Subject subject, List<PartyRef> recipients,
                                     MessageText text, List<Part> attachments) {
        byte[] utf8 = text.utf8();
        var parts = new ArrayList<Part>(attachments.size() + 1);
        parts.add(new Part(TEXT_PART, utf8.length, hex(sha256(utf8))));
        parts.addAll(attachments);
        return new ContentManifest(kind, subject.value(), recipients, parts);
    }

    /**
     * The parts named in canonical manifest bytes (as stored at submission), in order.
     *
     * @throws IllegalArgumentException if the bytes are not a version-1 manifest
     */
    public static List<Part> partsOf(byte[] canonical) {
        String text = new String(canonical, StandardCharsets.UTF_8);
        if (!text.startsWith(VERSION_LINE + "\n")) {
            throw new IllegalArgumentException("not a correspondence manifest");
        }
        var parts = new ArrayList<Part>();
        for (String line : text.split("\n")) {
            if (line.startsWith("part:")) {
                String[] f = line.split(":", 4);
                parts.add(new Part(f[3], Long.parseLong(f[2]), f[1]));
            }
        }
        return parts;
    }

    public CorrespondenceKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public List<PartyRef> recipients() {
        return recipients;
    }

    /** The text part first, then the attachments. */
    public List<Part> parts() {
        return parts;
    }

    /** The canonical bytes (a copy). */
    public byte[] canonicalBytes() {
        return canonical.clone();
    }

    /** SHA-256 of the canonical bytes: the bound data of the correspondence session (a copy). */
    public byte[] digest() {
        return digest.clone();
    }

    public String digestHex() {
        return hex(digest);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
