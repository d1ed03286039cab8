/** The record of a text message and its delivery status. */
package org.domicile.messaging.domain;
