/** Test support shared by the tests that run against a started server: the server process and an API client. */
package org.domicile.testing;
