package org.domicile.certification.bundle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

import org.domicile.certification.signing.Crypto;

/** One X.509 certificate as PEM text ("-----BEGIN CERTIFICATE-----", base64 in 64-character lines). */
final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    static byte[] encode(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return (BEGIN + "\n" + body + "\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /**
     * Decodes a file holding exactly one PEM certificate, strictly: nothing but the certificate, whose DER
     * encoding must read back unchanged.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static X509Certificate decode(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII).replace("\r\n", "\n").strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("not a PEM certificate (no " + BEGIN + " ... " + END + ")");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length());
        if (body.contains("-----")) {
            throw new IllegalArgumentException("more than one PEM block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in PEM: " + e.getMessage());
        }
        X509Certificate certificate;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Crypto.provider());
            certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null || !Arrays.equals(certificate.getEncoded(), der)) {
                throw new IllegalArgumentException("certificate is not DER-encoded");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable X.509 certificate: " + e.getMessage());
        }
        return certificate;
    }
}
