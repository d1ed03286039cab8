package org.domicile.chain.application;

/** A step of this correspondence's chain became due; the worker takes it once the transaction commits. */
public record ChainDue(String correspondenceId) {
}
