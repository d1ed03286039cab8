/** A correspondence in a recipient's office and its answer. */
package org.domicile.delivery.domain;
