/** The inbox, the handover session (accept or refuse), expiry, and the content released on acceptance. */
package org.domicile.delivery.application;
