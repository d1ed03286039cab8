package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package that PROTECT encrypts must give back every part, byte for byte, in order. */
class ContentPackageTest {

    @Test
    @DisplayName("Every part comes back byte for byte, in manifest order, names in any script")
    void roundTrip() {
        byte[] pdf = new byte[70_000];
        Arrays.fill(pdf, (byte) 0x25);
        var parts = List.of(new ContentPackage.Part("message.txt", "Madame,\nvoici.".getBytes(StandardCharsets.UTF_8)),
                new ContentPackage.Part("lettre signée.pdf", pdf), new ContentPackage.Part("vide.txt", new byte[0]));
        var decoded = ContentPackage.decode(ContentPackage.encode(parts));
        assertEquals(List.of("message.txt", "lettre signée.pdf", "vide.txt"), List.copyOf(decoded.keySet()));
        assertArrayEquals(pdf, decoded.get("lettre signée.pdf"));
        assertArrayEquals(new byte[0], decoded.get("vide.txt"));
        assertEquals("Madame,\nvoici.", new String(decoded.get("message.txt"), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("Anything else — other bytes, a cut package — is refused, never half-read")
    void refusesOtherBytes() {
        assertThrows(IllegalArgumentException.class, () -> ContentPackage.decode("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        byte[] whole = ContentPackage.encode(List.of(new ContentPackage.Part("message.txt", new byte[100])));
        assertThrows(IllegalArgumentException.class, () -> ContentPackage.decode(Arrays.copyOf(whole, whole.length - 1)));
    }
}
