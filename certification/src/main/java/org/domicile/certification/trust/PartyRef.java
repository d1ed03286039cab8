package org.domicile.certification.trust;

/**
 * Identifies a party by kind and internal identifier (never by personal data).
 *
 * @param kind the kind of party
 * @param id   the party's internal identifier, not blank
 */
public record PartyRef(PartyKind kind, String id) {

    public PartyRef {
        if (kind == null) {
            throw new IllegalArgumentException("party kind must not be null");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("party id must not be null or blank");
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
