package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SECURITY-BASELINE 27: zip bombs (entries, ratio, total) are refused without unpacking them to disk. */
class ZipGuardTest {

    private final ZipGuard guard = new ZipGuard();

    private String refusal(ZipGuard g, byte[] zip) {
        return assertThrows(ZipGuard.Refused.class, () -> g.inspect(zip)).getMessage();
    }

    @Test
    @DisplayName("An office document is listed in stored order; an ODT's mimetype is read")
    void listsEntries() throws ZipGuard.Refused {
        var docx = guard.inspect(Samples.docx());
        assertEquals(3, docx.entries().size());
        assertEquals("[Content_Types].xml", docx.entries().get(0).name());
        assertTrue(docx.has("word/document.xml"));
        assertTrue(docx.mimetype().isEmpty());
        var odt = guard.inspect(Samples.odt());
        assertEquals("application/vnd.oasis.opendocument.text", odt.mimetype().orElseThrow());
    }

    @Test
    @DisplayName("Rule 27: an entry of 50 MB of zeros (ratio ~1000) is refused by the directory's declared sizes")
    void ratioFromDirectory() {
        assertTrue(refusal(guard, Samples.bomb()).contains("more than 100 times its packed size"));
    }

    @Test
    @DisplayName("Rule 27: a bomb whose directory lies about its size is still refused while inflating")
    void ratioWhileInflating() {
        byte[] lying = Samples.bomb();
        int header = Samples.centralHeader(lying, "word/document.xml");
        Samples.put32(lying, header + 24, 1000); // declared: 1000 bytes unpacked
        String message = refusal(guard, lying);
        assertTrue(message.contains("more than 100 times its packed size"), message);
    }

    @Test
    @DisplayName("Rule 27: more than 1000 entries are refused")
    void tooManyEntries() {
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 1001; i++) {
            entries.put("part" + i + ".xml", new byte[] {'x'});
        }
        assertEquals("it holds more than 1000 files.", refusal(guard, Samples.zip(entries)));
        entries.remove("part1000.xml");
        assertTrue(assertThrowsNothing(() -> guard.inspect(Samples.zip(entries))));
    }

    @Test
    @DisplayName("Rule 27: more unpacked in all than the limit is refused, even when each entry's ratio is fine")
    void totalLimit() {
        var small = new ZipGuard(1000, 1024 * 1024, 100, 100 * 1024);
        var random = new Random(42);
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[400 * 1024];
            random.nextBytes(noise);
            entries.put("part" + i, noise);
        }
        assertEquals("it would unpack to more than 1 MB.", refusal(small, Samples.zip(entries)));
    }

    @Test
    @DisplayName("Rule 27: a directory listing the same data twice (overlapping entries) is refused")
    void overlappingEntries() {
        byte[] one = Samples.zip(new LinkedHashMap<>(java.util.Map.of("a.xml", "<a/>".getBytes())));
        int eocd = Samples.endRecord(one);
        int cd = (int) Samples.u32(one, eocd + 16);
        int cdSize = (int) Samples.u32(one, eocd + 12);
        byte[] header = Arrays.copyOfRange(one, cd, cd + cdSize);
        byte[] twice = new byte[one.length + cdSize];
        System.arraycopy(one, 0, twice, 0, cd + cdSize);
        System.arraycopy(header, 0, twice, cd + cdSize, cdSize);
        System.arraycopy(one, eocd, twice, eocd + cdSize, one.length - eocd);
        int newEocd = eocd + cdSize;
        Samples.put16(twice, newEocd + 8, 2);
        Samples.put16(twice, newEocd + 10, 2);
        Samples.put32(twice, newEocd + 12, 2L * cdSize);
        assertEquals("its parts overlap each other (a zip bomb).", refusal(guard, twice));
    }

    @Test
    @DisplayName("Encrypted, truncated and non-ZIP data are refused with a sentence")
    void unreadable() {
        byte[] encrypted = Samples.docx();
        int header = Samples.centralHeader(encrypted, "word/document.xml");
        Samples.put16(encrypted, header + 8, Samples.u16(encrypted, header + 8) | 1);
        assertEquals("it is encrypted.", refusal(guard, encrypted));

        byte[] docx = Samples.docx();
        assertEquals("it could not be read as a ZIP archive.",
                refusal(guard, Arrays.copyOf(docx, docx.length - 30)));
        assertEquals("it could not be read as a ZIP archive.", refusal(guard, "PK\3\4 nothing".getBytes()));
    }

    private static boolean assertThrowsNothing(Inspection i) {
        try {
            i.run();
            return true;
        } catch (ZipGuard.Refused e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }

    private interface Inspection {
        void run() throws ZipGuard.Refused;
    }
}
