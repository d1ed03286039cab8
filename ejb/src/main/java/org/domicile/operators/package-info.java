/**
 * The processing operators of the correspondence chain (submit, seal, timestamp, protect,
 * charge, deliver, handover, archive): registered with a certificate from the internal CA,
 * a trust level and a specification.
 */
package org.domicile.operators;
