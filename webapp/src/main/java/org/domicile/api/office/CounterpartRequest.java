package org.domicile.api.office;

/** Body of POST /api/office/counterparts: the directory key of the party to add. */
public record CounterpartRequest(String key) {
}
