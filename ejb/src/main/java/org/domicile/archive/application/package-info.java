/** Searching the archive and exporting evidence bundles, each checked against the requesting office. */
package org.domicile.archive.application;
