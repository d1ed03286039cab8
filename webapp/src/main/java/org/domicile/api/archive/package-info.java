/** The archive over JSON: search, each correspondence's timeline, and its evidence bundle (ZIP). */
package org.domicile.api.archive;
