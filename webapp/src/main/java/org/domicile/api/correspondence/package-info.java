/**
 * Correspondence drafts over JSON, for the holder of a bearer token: writing, files, validation
 * and sending with an SMS code. Everything is scoped to the office of the token's account; the
 * application services do every check.
 */
package org.domicile.api.correspondence;
