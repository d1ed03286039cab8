package org.domicile.certification.bundle;

/**
 * One evidence record of the bundle: its base name (see {@link BundleLayout#evidenceName}), the signed record
 * ({@code .p7m}, CMS SignedData DER) and its RFC 3161 time-stamp token ({@code .tst}) over the whole
 * {@code .p7m}. The arrays are not copied: do not change them after handing them over.
 */
public record EvidenceFile(String name, byte[] p7m, byte[] tst) {

    public EvidenceFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (p7m == null || tst == null) {
            throw new IllegalArgumentException("evidence " + name + " needs both its .p7m and its .tst bytes");
        }
    }

    @Override
    public String toString() {
        return "EvidenceFile[" + name + ", p7m " + p7m.length + " bytes, tst " + tst.length + " bytes]";
    }
}
