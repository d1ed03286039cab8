/**
 * MicroProfile Health checks: {@code /health/live} (the application is deployed) and
 * {@code /health/ready} (the database answers and the SMS gateway is set up).
 */
package org.domicile.health;
