/**
 * The security audit trail: who did what, when, from where, with which outcome. Entries are
 * written in their own transaction so that a refused request is still on record.
 */
package org.domicile.audit;
