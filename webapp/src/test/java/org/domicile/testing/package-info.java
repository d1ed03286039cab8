/**
 * Test support shared by the tests that run against a started server: the server process, an API
 * client, users, the simulated phones, letters sent and answered through the API, a running load
 * of them, and the offline checks of evidence bundles.
 */
package org.domicile.testing;
