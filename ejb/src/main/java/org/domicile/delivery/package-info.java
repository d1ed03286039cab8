/**
 * Delivery and handover (SPEC §3): a correspondence waits in each recipient's office until he
 * accepts or refuses it in a correspondence session, or until the deadline passes. Registered
 * kinds hide their sender and subject until acceptance. Every answer is announced as an event the
 * processing chain turns into evidence, in the same transaction.
 */
package org.domicile.delivery;
