/** Issuing and listing evidence records. */
package org.domicile.evidence.application;
