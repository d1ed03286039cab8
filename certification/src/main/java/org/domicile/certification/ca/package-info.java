/** The certification operator's internal CA, its certificate profiles, and PKCS#12 files for its keys. */
package org.domicile.certification.ca;
