package org.domicile.correspondence.domain;

import java.util.Locale;
import java.util.Optional;
import org.domicile.certification.trust.TrustLevel;

/**
 * What kind of letter a correspondence is, and the trust level every party of its session must
 * reach (SPEC §1): simple = LOW, registered = SUBSTANTIAL, with acknowledgement of receipt = HIGH.
 */
public enum CorrespondenceKind {
    SIMPLE(TrustLevel.LOW, "simple letter"),
    REGISTERED(TrustLevel.SUBSTANTIAL, "registered letter"),
    REGISTERED_WITH_ACKNOWLEDGEMENT(TrustLevel.HIGH, "registered letter with acknowledgement");

    public static final String RULE = "Kind: choose SIMPLE, REGISTERED or REGISTERED_WITH_ACKNOWLEDGEMENT.";

    private final TrustLevel requiredLevel;
    private final String label;

    CorrespondenceKind(TrustLevel requiredLevel, String label) {
        this.requiredLevel = requiredLevel;
        this.label = label;
    }

    public TrustLevel requiredLevel() {
        return requiredLevel;
    }

    /** How the kind is named to the user (in the SMS, on the validation screen). */
    public String label() {
        return label;
    }

    /**
     * Whether the recipient sees who sent it and its subject only after accepting it. Registered
     * letters hide both (the recipient must not decide from them whether to accept); this will
     * become configurable, so callers ask here instead of testing the kind.
     */
    public boolean hidesSenderAndSubjectUntilAcceptance() {
        return this != SIMPLE;
    }

    public static Optional<CorrespondenceKind> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        for (CorrespondenceKind k : values()) {
            if (k.name().equals(v)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
