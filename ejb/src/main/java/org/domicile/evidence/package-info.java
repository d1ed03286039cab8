/**
 * Evidence (SPEC §4): one record per event, named after ETSI EN 319 522, signed (CMS) by the
 * certification operator and time-stamped (RFC 3161), kept with the correspondence for ever.
 */
package org.domicile.evidence;
