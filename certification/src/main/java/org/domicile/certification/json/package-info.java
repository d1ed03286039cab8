/**
 * Plain JSON, read strictly and written canonically, for the bundle's files and for the clients of the
 * service's API. The signed tokens and evidence records use a stricter subset with its own reader, in
 * {@code org.domicile.certification.cms.json}.
 */
package org.domicile.certification.json;
