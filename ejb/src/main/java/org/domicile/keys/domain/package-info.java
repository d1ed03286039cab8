/** A user's key pair as stored: certificate in the clear, private key wrapped. */
package org.domicile.keys.domain;
