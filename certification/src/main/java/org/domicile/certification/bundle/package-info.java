/**
 * The evidence bundle of a correspondence: writing it (ZIP layout, README, manifest, PDF report) and
 * verifying it offline, independently of the code that produced the tokens and evidence it holds.
 */
package org.domicile.certification.bundle;
