/** The certification server's services and the domiciliation server's checks of its answers. */
package org.domicile.trust.application;
