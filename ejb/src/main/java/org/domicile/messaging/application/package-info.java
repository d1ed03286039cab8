/** Sending text messages under caps, and taking in delivery reports. */
package org.domicile.messaging.application;
