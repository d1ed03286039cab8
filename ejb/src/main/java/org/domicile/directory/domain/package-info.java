/** Organisations and counterparts. */
package org.domicile.directory.domain;
