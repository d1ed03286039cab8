package org.domicile.certification.bundle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * File names of the evidence bundle ZIP, shared by the writer and the verifier, and the helpers integrators
 * use to name tokens and evidence records.
 *
 * <pre>
 * README.txt  manifest.json  ca.pem  certificates/&lt;keyid&gt;.pem
 * tokens/NN-STEP-N-KIND.p7m  evidence/NN-Event.p7m  evidence/NN-Event.tst  digests.txt  report.pdf
 * </pre>
 */
public final class BundleLayout {

    public static final String README = "README.txt";
    public static final String MANIFEST = "manifest.json";
    public static final String CA = "ca.pem";
    public static final String DIGESTS = "digests.txt";
    public static final String REPORT = "report.pdf";
    public static final String CERTIFICATES_DIR = "certificates/";
    public static final String TOKENS_DIR = "tokens/";
    public static final String EVIDENCE_DIR = "evidence/";

    /** Key id of the certification server, signer of orders, countersignatures and evidence. */
    public static final String CERTIFICATION_SERVER = "certification-server";
    /** Key id of the time-stamping authority. */
    public static final String TSA = "tsa";

    /** The processing steps in chain order (SPEC section 3). */
    public static final List<String> STEPS =
            List.of("SUBMIT", "SEAL", "TIMESTAMP", "PROTECT", "CHARGE", "DELIVER", "HANDOVER", "ARCHIVE");

    /** The token kinds of one step in order; the N of a token file name is the 1-based index here. */
    public static final List<String> KINDS = List.of("ORDER", "ACKNOWLEDGEMENT", "RETURN", "COUNTERSIGNATURE");

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern TOKEN_BASE = Pattern.compile("([0-9]{2,3})-([A-Z]+)-([1-9])-([A-Z]+)");
    static final Pattern EVIDENCE_BASE = Pattern.compile("([0-9]{2,3})-([A-Za-z]{1,64})");
    static final Pattern TOKEN_FILE = Pattern.compile("tokens/" + TOKEN_BASE.pattern() + "\\.p7m");
    static final Pattern EVIDENCE_FILE = Pattern.compile("evidence/" + EVIDENCE_BASE.pattern() + "\\.(p7m|tst)");
    static final Pattern CERTIFICATE_FILE = Pattern.compile("certificates/(" + KEY_ID.pattern() + ")\\.pem");

    private BundleLayout() {
    }

    /**
     * Base name of the token at {@code position} (1-based) in the chain, e.g. {@code tokenName(5, "SEAL",
     * "ORDER")} = {@code "05-SEAL-1-ORDER"}; the writer stores it as {@code tokens/05-SEAL-1-ORDER.p7m}.
     */
    public static String tokenName(int position, String step, String kind) {
        if (!STEPS.contains(step)) {
            throw new IllegalArgumentException("unknown step " + step + "; expected one of " + STEPS);
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown token kind " + kind + "; expected one of " + KINDS);
        }
        return number(position) + "-" + step + "-" + (KINDS.indexOf(kind) + 1) + "-" + kind;
    }

    /**
     * Base name of the evidence record at {@code position} (1-based), e.g. {@code evidenceName(2,
     * "ConsignmentAcceptance")} = {@code "02-ConsignmentAcceptance"}, stored as {@code .p7m} and {@code .tst}.
     */
    public static String evidenceName(int position, String event) {
        String name = number(position) + "-" + event;
        if (event == null || !EVIDENCE_BASE.matcher(name).matches()) {
            throw new IllegalArgumentException("event name must be 1 to 64 ASCII letters: " + event);
        }
        return name;
    }

    static String number(int position) {
        if (position < 1 || position > 999) {
            throw new IllegalArgumentException("position must be between 1 and 999: " + position);
        }
        return String.format("%02d", position);
    }

    static String certificateFile(String keyId) {
        return CERTIFICATES_DIR + keyId + ".pem";
    }
}
