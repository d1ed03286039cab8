/**
 * Certification tokens (SPEC section 3): ORDER, ACKNOWLEDGEMENT, RETURN and COUNTERSIGNATURE, canonical
 * JSON signed as CMS; the certification server's check of a RETURN against the operator's specification;
 * and the check of a correspondence's whole token chain.
 */
package org.domicile.certification.token;
