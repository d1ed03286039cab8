/** The JPA repository of correspondence and attachment contents. */
package org.domicile.correspondence.infrastructure;
