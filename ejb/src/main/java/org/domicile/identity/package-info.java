/**
 * Accounts of the private offices: registration, credentials, mobile number verification,
 * and the certification operator's own account (created at first start).
 */
package org.domicile.identity;
