/** Use cases on correspondence: drafts, validation, the correspondence session; each public method is one transaction. */
package org.domicile.correspondence.application;
