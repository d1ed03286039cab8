/**
 * Registration and the session-opening steps over JSON: password, code, resend, logout.
 * Every step calls one application service; the challenge id links the steps.
 */
package org.domicile.api.session;
