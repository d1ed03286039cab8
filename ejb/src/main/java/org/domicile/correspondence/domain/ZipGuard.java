package org.domicile.correspondence.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP archive held in memory, never extracting it anywhere, and refuses zip bombs
 * (SECURITY-BASELINE 27): more than 1000 entries, more than 100 MB once unpacked, or an entry
 * that inflates to more than 100 times its compressed size. Two passes that must agree: the
 * central directory (what office programs read: declared sizes, where each entry lies, so
 * overlapping entries are caught) and the entries themselves, inflated into a small buffer and
 * counted as they come (declared sizes can lie).
 */
public final class ZipGuard {

    public static final int MAX_ENTRIES = 1000;
    public static final long MAX_TOTAL_UNPACKED = 100L * 1024 * 1024;
    public static final int MAX_RATIO = 100;
    /**
     * An entry's ratio is judged once it has inflated more than this: small XML parts of genuine
     * office files can compress better than 100:1 (Apache POI's ZipSecureFile has the same grace).
     */
    public static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** One entry as the central directory declares it. */
    public record Entry(String name, long compressedSize, long size, long localOffset) {
    }

    /** What the archive holds, in stored order, and the text of a first entry named "mimetype" (ODF). */
    public record Listing(List<Entry> entries, Optional<String> mimetype) {
        public boolean has(String name) {
            return entries.stream().anyMatch(e -> e.name().equals(name));
        }
    }

    /** An archive refused; the message completes "The file was refused: …". */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final int maxEntries;
    private final long maxTotal;
    private final int maxRatio;
    private final long ratioGrace;

    public ZipGuard() {
        this(MAX_ENTRIES, MAX_TOTAL_UNPACKED, MAX_RATIO, RATIO_GRACE_BYTES);
    }

    ZipGuard(int maxEntries, long maxTotal, int maxRatio, long ratioGrace) {
        this.maxEntries = maxEntries;
        this.maxTotal = maxTotal;
        this.maxRatio = maxRatio;
        this.ratioGrace = ratioGrace;
    }

    public Listing inspect(byte[] zip) throws Refused {
        List<Entry> declared = centralDirectory(zip);
        return stream(zip, declared);
    }

    // ---- pass 1: the central directory --------------------------------------------------------

    private List<Entry> centralDirectory(byte[] z) throws Refused {
        int eocd = findEndRecord(z);
        if (eocd >= 20 && u32(z, eocd - 20) == ZIP64_LOCATOR) {
            throw new Refused("it is a ZIP64 archive, which no accepted document needs.");
        }
        int entriesHere = u16(z, eocd + 8);
        int total = u16(z, eocd + 10);
        long cdSize = u32(z, eocd + 12);
        long cdOffset = u32(z, eocd + 16);
        if (u16(z, eocd + 4) != 0 || u16(z, eocd + 6) != 0 || entriesHere != total) {
            throw new Refused("it is a multi-part archive.");
        }
        if (total == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw new Refused("it is a ZIP64 archive, which no accepted document needs.");
        }
        if (total > maxEntries) {
            throw new Refused("it holds more than " + maxEntries + " files.");
        }
        if (cdOffset + cdSize > eocd) {
            throw unreadable();
        }
        var entries = new ArrayList<Entry>(total);
        long unpacked = 0;
        int p = (int) cdOffset;
        for (int i = 0; i < total; i++) {
            if (p + 46 > cdOffset + cdSize || u32(z, p) != CENTRAL) {
                throw unreadable();
            }
            int flags = u16(z, p + 8);
            int method = u16(z, p + 10);
            long compressed = u32(z, p + 20);
            long size = u32(z, p + 24);
            int nameLength = u16(z, p + 28);
            int extraLength = u16(z, p + 30);
            int commentLength = u16(z, p + 32);
            long localOffset = u32(z, p + 42);
            if ((flags & 1) != 0) {
                throw new Refused("it is encrypted.");
            }
            if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                throw new Refused("it uses a compression method office documents do not use.");
            }
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                throw new Refused("it is a ZIP64 archive, which no accepted document needs.");
            }
            if (p + 46 + nameLength > cdOffset + cdSize) {
                throw unreadable();
            }
            String name = new String(z, p + 46, nameLength, StandardCharsets.UTF_8);
            unpacked += size;
            if (unpacked > maxTotal) {
                throw new Refused("it would unpack to more than " + megabytes(maxTotal) + ".");
            }
            if (size > ratioGrace && size > (long) maxRatio * Math.max(1, compressed)) {
                throw new Refused("one of its parts would unpack to more than " + maxRatio
                        + " times its packed size (a zip bomb).");
            }
            entries.add(new Entry(name, compressed, size, localOffset));
            p += 46 + nameLength + extraLength + commentLength;
        }
        entries.sort(Comparator.comparingLong(Entry::localOffset));
        long previousEnd = 0;
        for (Entry e : entries) {
            if (e.localOffset() < previousEnd) {
                throw new Refused("its parts overlap each other (a zip bomb).");
            }
            previousEnd = dataEnd(z, e, cdOffset);
        }
        return entries;
    }

    private static long dataEnd(byte[] z, Entry e, long cdOffset) throws Refused {
        long at = e.localOffset();
        if (at + 30 > cdOffset || u32(z, (int) at) != LOCAL) {
            throw unreadable();
        }
        long end = at + 30 + u16(z, (int) at + 26) + u16(z, (int) at + 28) + e.compressedSize();
        if (end > cdOffset) {
            throw unreadable();
        }
        return end;
    }

    private static int findEndRecord(byte[] z) throws Refused {
        int last = z.length - 22;
        for (int p = last; p >= 0 && p >= last - 0xFFFF; p--) {
            if (u32(z, p) == EOCD && u16(z, p + 20) == z.length - p - 22) {
                return p;
            }
        }
        throw unreadable();
    }

    // ---- pass 2: the entries themselves, inflated and counted ---------------------------------

    private Listing stream(byte[] zip, List<Entry> declared) throws Refused {
        Optional<String> mimetype = Optional.empty();
        long unpacked = 0;
        int index = 0;
        var buffer = new byte[8192];
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (index >= declared.size() || !declared.get(index).name().equals(entry.getName())) {
                    throw new Refused("its contents do not match its own directory.");
                }
                Entry expected = declared.get(index);
                long limit = Math.max(ratioGrace, (long) maxRatio * Math.max(1, expected.compressedSize()));
                long read = 0;
                var head = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    read += n;
                    unpacked += n;
                    if (unpacked > maxTotal) {
                        throw new Refused("it would unpack to more than " + megabytes(maxTotal) + ".");
                    }
                    if (read > limit) {
                        throw new Refused("one of its parts would unpack to more than " + maxRatio
                                + " times its packed size (a zip bomb).");
                    }
                    if (index == 0 && head.size() < 200) {
                        head.write(buffer, 0, Math.min(n, 200 - head.size()));
                    }
                }
                if (read != expected.size()) {
                    throw new Refused("its contents do not match its own directory.");
                }
                if (index == 0 && "mimetype".equals(entry.getName()) && read <= 200) {
                    mimetype = Optional.of(head.toString(StandardCharsets.US_ASCII).strip());
                }
                index++;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable();
        }
        if (index != declared.size()) {
            throw new Refused("its contents do not match its own directory.");
        }
        return new Listing(List.copyOf(declared), mimetype);
    }

    private static Refused unreadable() {
        return new Refused("it could not be read as a ZIP archive.");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static int u16(byte[] b, int at) {
        if (at < 0 || at + 2 > b.length) {
            return -1;
        }
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        if (at < 0 || at + 4 > b.length) {
            return -1;
        }
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
