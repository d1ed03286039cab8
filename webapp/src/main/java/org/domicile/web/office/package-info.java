/** The private office: who is logged in, his counterparts, the directory search, and logout. */
package org.domicile.web.office;
