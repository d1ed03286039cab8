/**
 * The archive (SPEC §3): sent and received correspondence with its whole evidence chain, in both
 * offices, immutable for the retention period, searchable, and exportable as an evidence bundle
 * anyone can verify offline.
 */
package org.domicile.archive;
