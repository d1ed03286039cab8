package org.domicile.correspondence.domain;

import java.util.Objects;
import java.util.Optional;
import org.domicile.platform.Ids;

/** Identifier of a correspondence: random, 128 bits, never derived from its content or its sender. */
public record CorrespondenceId(String value) {
    public CorrespondenceId {
        Objects.requireNonNull(value, "correspondence id");
    }

    public static CorrespondenceId newId() {
        return new CorrespondenceId(Ids.newId());
    }

    /** An id typed or sent by a client; anything not shaped like an id is no id. */
    public static Optional<CorrespondenceId> parse(String raw) {
        return Ids.looksLikeId(raw) ? Optional.of(new CorrespondenceId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
