/**
 * What every feature stands on: the data source and its versioned migrations, settings,
 * the time source, the data folder and the business-exception hierarchy.
 */
package org.domicile.platform;
