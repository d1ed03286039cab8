package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The canonical manifest is what the SMS code is bound to and what will be sealed: its form must
 * never drift. The golden values were computed outside Java (Python's hashlib over the same text).
 */
class ContentManifestTest {

    private static final PartyRef USER = new PartyRef(PartyKind.USER, "AAAAAAAAAAAAAAAAAAAAAA");
    private static final PartyRef ORG = new PartyRef(PartyKind.ORGANISATION, "BBBBBBBBBBBBBBBBBBBBBB");
    private static final ContentManifest.Part PDF = new ContentManifest.Part("lettre signée.pdf", 1234,
            "0".repeat(63) + "1");

    private static ContentManifest example() {
        return ContentManifest.of(CorrespondenceKind.REGISTERED, new Subject("Résiliation du bail"),
                List.of(USER, ORG), new MessageText("Madame,\nvoici ma lettre.\n"), List.of(PDF));
    }

    @Test
    @DisplayName("Canonical form, version 1: golden text and golden SHA-256")
    void golden() {
        String expected = """
                domicile-correspondence-manifest/1
                kind:REGISTERED
                subject:Résiliation du bail
                recipient:USER:AAAAAAAAAAAAAAAAAAAAAA
                recipient:ORGANISATION:BBBBBBBBBBBBBBBBBBBBBB
                part:7317d89c5d6b98f90fcdb7aaa7efe8b8140cc0eb4b9cd0d15de1bc3272c57dd2:25:message.txt
                part:0000000000000000000000000000000000000000000000000000000000000001:1234:lettre signée.pdf
                """;
        ContentManifest m = example();
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), m.canonicalBytes());
        assertEquals("890068b386c985073641795e73c2d5046a47cae6954b9269fd44d82148dc37cb", m.digestHex());
        assertEquals(ContentManifest.TEXT_PART, m.parts().get(0).name());
        assertEquals(25, m.parts().get(0).size(), "size in UTF-8 bytes");
    }

    @Test
    @DisplayName("An empty text is still a part (the SHA-256 of nothing)")
    void emptyText() {
        ContentManifest m = ContentManifest.of(CorrespondenceKind.SIMPLE, new Subject("x"), List.of(USER),
                MessageText.EMPTY, List.of());
        assertEquals("adfc3195a58e55f838ecac7b3f864104d1fb921761d3b0bec990df082e9c66de", m.digestHex());
    }

    @Test
    @DisplayName("Every element changes the digest: kind, subject, recipient order, text, a part's name, size or hash")
    void everythingCounts() {
        String base = example().digestHex();
        var subject = new Subject("Résiliation du bail");
        var text = new MessageText("Madame,\nvoici ma lettre.\n");
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.SIMPLE, subject, List.of(USER, ORG), text,
                List.of(PDF)).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, new Subject("Résiliation du bail."),
                List.of(USER, ORG), text, List.of(PDF)).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, subject, List.of(ORG, USER), text,
                List.of(PDF)).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, subject, List.of(USER, ORG),
                new MessageText("Madame,\nvoici ma lettre!\n"), List.of(PDF)).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, subject, List.of(USER, ORG), text,
                List.of(new ContentManifest.Part("lettre.pdf", 1234, PDF.sha256()))).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, subject, List.of(USER, ORG), text,
                List.of(new ContentManifest.Part(PDF.name(), 1235, PDF.sha256()))).digestHex());
        assertNotEquals(base, ContentManifest.of(CorrespondenceKind.REGISTERED, subject, List.of(USER, ORG), text,
                List.of(new ContentManifest.Part(PDF.name(), 1234, "0".repeat(64)))).digestHex());
        assertEquals(base, example().digestHex(), "and the same content gives the same digest");
    }

    @Test
    @DisplayName("The parts read back from the stored canonical bytes are the sealed ones, colons in names included")
    void partsReadBack() {
        var withColon = new ContentManifest.Part("note: annexe.pdf", 7, "ab".repeat(32));
        var manifest = ContentManifest.of(CorrespondenceKind.SIMPLE, new Subject("s"), List.of(USER),
                new MessageText("x"), List.of(PDF, withColon));
        assertEquals(manifest.parts(), ContentManifest.partsOf(manifest.canonicalBytes()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ContentManifest.partsOf("part:00:1:x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
