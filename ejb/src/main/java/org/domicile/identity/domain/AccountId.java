package org.domicile.identity.domain;

import java.util.Objects;

/** Identifier of an account (and of its private office). */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    @Override
    public String toString() {
        return value;
    }
}
