/**
 * The key pairs the provider holds for its users (seed 004, provider-protected mode): one to seal
 * what a user sends, one to open what is protected for him. Private keys are kept wrapped by a
 * key derived from the master key, which is never in the database (SECURITY-BASELINE 19).
 */
package org.domicile.keys;
