package org.domicile.certification.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Test helper: a bundle ZIP as an ordered name-to-bytes map, and back. */
final class ZipFiles {

    private ZipFiles() {
    }

    static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] write(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Recomputes manifest.json for the files as they are now, as a forger would. */
    static Map<String, byte[]> withFreshManifest(Map<String, byte[]> files) {
        Map<String, byte[]> others = new LinkedHashMap<>(files);
        others.remove(BundleLayout.MANIFEST);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(BundleLayout.MANIFEST, BundleWriter.manifest(BundleFixture.CORRESPONDENCE, others));
        out.putAll(others);
        return out;
    }

    static Path save(Map<String, byte[]> files, Path folder, String name) throws IOException {
        return Files.write(folder.resolve(name), write(files));
    }

    static void extract(Map<String, byte[]> files, Path folder) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
