/**
 * The operator console over JSON, for the certification operator's session only: trust levels of the
 * parties, with the same service, checks and messages as the console pages.
 */
package org.domicile.api.console;
