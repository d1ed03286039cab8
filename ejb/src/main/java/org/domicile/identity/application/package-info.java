/** Use cases on accounts; each public method is one transaction. */
package org.domicile.identity.application;
