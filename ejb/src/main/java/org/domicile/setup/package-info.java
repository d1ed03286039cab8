/**
 * First start on an empty database: the certification operator's account with a one-time
 * setup code printed once on the console, and the built-in processing operators.
 */
package org.domicile.setup;
