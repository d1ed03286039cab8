/** Sending text messages under caps, queued notices and their delivery worker, and taking in delivery reports. */
package org.domicile.messaging.application;
