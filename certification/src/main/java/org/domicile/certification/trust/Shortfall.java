package org.domicile.certification.trust;

/**
 * One party that does not reach the required level, and the level it actually has.
 *
 * @param party    the party that falls short
 * @param actual   its level ({@link TrustLevel#NONE} when unknown)
 * @param required the level it had to reach; always above {@code actual}
 */
public record Shortfall(PartyRef party, TrustLevel actual, TrustLevel required) {

    public Shortfall {
        if (party == null || actual == null || required == null) {
            throw new IllegalArgumentException("a shortfall needs a party, its actual level and the required level");
        }
        if (actual.reaches(required)) {
            throw new IllegalArgumentException(
                    "not a shortfall: actual level " + actual + " reaches required level " + required);
        }
    }
}
