/**
 * Evidence records named after ETSI EN 319 522 (SPEC section 4): canonical JSON, signed as CMS by the
 * certification operator and time-stamped (RFC 3161) over the whole signed file; and their check.
 */
package org.domicile.certification.evidence;
