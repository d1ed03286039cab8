/** Records of trust decisions and of trust-level changes (who, when, why, old to new). */
package org.domicile.trust.domain;
