/** One-time session-opening secrets: a random code for the user, a salted bound MAC form for the server. */
package org.domicile.certification.secret;
