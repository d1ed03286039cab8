/** The session-opening protocol, office login, and the registry of open sessions. */
package org.domicile.session.application;
