package org.domicile.certification.token;

import java.util.Arrays;

/** The four tokens of a processing step, in the order they are made (SPEC section 3). */
public enum TokenKind {
    /** The certification server orders an operator to do a step. */
    ORDER,
    /** The operator acknowledges the order. */
    ACKNOWLEDGEMENT,
    /** The operator returns the digest of its output. */
    RETURN,
    /** The certification server checked the return and countersigns it; the next step may start. */
    COUNTERSIGNATURE;

    /** The kind that follows this one in a chain (COUNTERSIGNATURE is followed by the next step's ORDER). */
    public TokenKind next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** Whether the certification server (not the operator) signs tokens of this kind. */
    public boolean signedByCertificationServer() {
        return this == ORDER || this == COUNTERSIGNATURE;
    }

    /**
     * The kind with exactly this name.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static TokenKind parse(String name) {
        for (TokenKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown token kind '" + name + "'; expected one of " + Arrays.toString(values()));
    }
}
