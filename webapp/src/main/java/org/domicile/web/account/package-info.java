/**
 * The pages before the office: start page, registration, login, the code step (both for a login
 * and for verifying a number) and the certification operator's first setup.
 */
package org.domicile.web.account;
