package org.domicile.identity.domain;

/** What an account may do: a user has a private office; the certification operator also has the console. */
public enum Role {
    USER, OPERATOR
}
