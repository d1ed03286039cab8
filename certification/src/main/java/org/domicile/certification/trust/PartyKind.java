package org.domicile.certification.trust;

/** The kind of party whose trust level is assessed. */
public enum PartyKind {
    USER, ORGANISATION, OPERATOR
}
