/** eIDAS trust levels of parties and the certification server's signed, fail-closed trust decisions. */
package org.domicile.certification.trust;
