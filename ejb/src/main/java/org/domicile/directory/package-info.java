/**
 * Who is who: users and organisations, searchable from the office without anything private,
 * and each office's own list of counterparts.
 */
package org.domicile.directory;
