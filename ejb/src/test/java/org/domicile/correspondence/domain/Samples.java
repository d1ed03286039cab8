package org.domicile.correspondence.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files of every accepted type, and hostile archives, made in memory for the tests. */
final class Samples {
    private Samples() {
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] text() {
        return "Madame, Monsieur,\nveuillez trouver ci-joint… 日本語 ✓\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx() {
        var parts = new LinkedHashMap<String, byte[]>();
        parts.put("[Content_Types].xml", xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        parts.put("_rels/.rels", xml("<Relationships/>"));
        parts.put("word/document.xml", xml("<w:document><w:body><w:p>Hello</w:p></w:body></w:document>"));
        return zip(parts);
    }

    static byte[] xlsx() {
        var parts = new LinkedHashMap<String, byte[]>();
        parts.put("[Content_Types].xml", xml("<Types/>"));
        parts.put("_rels/.rels", xml("<Relationships/>"));
        parts.put("xl/workbook.xml", xml("<workbook/>"));
        return zip(parts);
    }

    static byte[] odt() {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            var first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCompressedSize(mimetype.length);
            var crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            z.putNextEntry(first);
            z.write(mimetype);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            z.write(xml("<manifest/>"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("content.xml"));
            z.write(xml("<office:document-content/>"));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A "docx" whose document part is 50 MB of zeros: about 50 KB packed, a ratio near 1000. */
    static byte[] bomb() {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(xml("<Types/>"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xml(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] image(String format) {
        var img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xFF0000);
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- editing archives by hand, for the hostile cases ----------------------------------------

    /** Offset of the end-of-central-directory record. */
    static int endRecord(byte[] z) {
        for (int p = z.length - 22; p >= 0; p--) {
            if (u32(z, p) == 0x06054b50L) {
                return p;
            }
        }
        throw new IllegalStateException("no end record");
    }

    /** Offset of the central directory header of the entry named {@code name}. */
    static int centralHeader(byte[] z, String name) {
        int eocd = endRecord(z);
        int p = (int) u32(z, eocd + 16);
        while (u32(z, p) == 0x02014b50L) {
            int n = u16(z, p + 28);
            if (new String(z, p + 46, n, StandardCharsets.UTF_8).equals(name)) {
                return p;
            }
            p += 46 + n + u16(z, p + 30) + u16(z, p + 32);
        }
        throw new IllegalStateException("no entry " + name);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
