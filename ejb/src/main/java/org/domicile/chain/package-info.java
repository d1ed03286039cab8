/**
 * The processing chain (SPEC §3): SUBMIT, SEAL, TIMESTAMP, PROTECT, CHARGE, DELIVER, HANDOVER,
 * ARCHIVE, each done by its registered operator and proven by certification tokens (order,
 * acknowledgement, return, countersignature). One step is one transaction; a worker advances
 * what is due, so a crash resumes where it stopped and no step's effect happens twice.
 */
package org.domicile.chain;
