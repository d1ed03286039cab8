package org.domicile.certification.bundle;

/**
 * A named file of the bundle: for a token, its base name (see {@link BundleLayout#tokenName}) and its signed
 * DER bytes. The array is not copied: do not change it after handing it over.
 */
public record NamedBytes(String name, byte[] bytes) {

    public NamedBytes {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (bytes == null) {
            throw new IllegalArgumentException("bytes of " + name + " must not be null");
        }
    }

    @Override
    public String toString() {
        return "NamedBytes[" + name + ", " + bytes.length + " bytes]";
    }
}
