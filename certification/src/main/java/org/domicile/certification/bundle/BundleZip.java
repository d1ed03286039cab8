package org.domicile.certification.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a bundle ZIP into memory, refusing archives that could exhaust memory or disk (Rule 27): more than
 * 10 000 entries, an entry over 50 MB, more than 200 MB in all, or an entry that expands more than 100-fold.
 * Sizes are counted while inflating, not taken from the archive's own claims.
 */
final class BundleZip {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    static final long MAX_RATIO = 100;

    private BundleZip() {
    }

    /** The files of the archive by name, in archive order; folder entries are skipped. */
    static Map<String, byte[]> read(Path zip) throws VerificationProblem {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            if (archive.size() > MAX_ENTRIES) {
                throw new VerificationProblem("refused: " + archive.size() + " entries, more than " + MAX_ENTRIES);
            }
            long total = 0;
            int count = 0;
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new VerificationProblem("refused: more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.containsKey(name)) {
                    throw new VerificationProblem("refused: entry " + name + " appears twice");
                }
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new VerificationProblem("refused: entry " + name + " declares " + entry.getSize()
                            + " bytes, more than " + MAX_ENTRY_BYTES);
                }
                byte[] bytes = readCapped(archive, entry);
                long compressed = Math.max(entry.getCompressedSize(), 1);
                if (bytes.length / compressed > MAX_RATIO) {
                    throw new VerificationProblem("refused: entry " + name + " expands " + bytes.length / compressed
                            + "-fold (" + compressed + " to " + bytes.length + " bytes), more than " + MAX_RATIO
                            + "-fold: possible ZIP bomb");
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new VerificationProblem("refused: more than " + MAX_TOTAL_BYTES + " bytes once unpacked");
                }
                files.put(name, bytes);
            }
        } catch (IOException | RuntimeException e) {
            throw new VerificationProblem("not a readable ZIP archive: " + e.getMessage());
        }
        return files;
    }

    private static byte[] readCapped(ZipFile archive, ZipEntry entry) throws IOException, VerificationProblem {
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new VerificationProblem("refused: entry " + entry.getName() + " is larger than "
                        + MAX_ENTRY_BYTES + " bytes once unpacked");
            }
            return bytes;
        }
    }
}
