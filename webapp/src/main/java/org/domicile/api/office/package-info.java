/**
 * The private office over JSON, for the holder of a bearer token: who he is, the directory and
 * his counterparts. Everything is scoped to the office of the token's account.
 */
package org.domicile.api.office;
