/** An evidence record as stored: the signed record and its time-stamp token. */
package org.domicile.evidence.domain;
