/** The record of a text message and its delivery status; notices queued for later sending. */
package org.domicile.messaging.domain;
