/**
 * JSF plumbing shared by the pages: messages from service refusals, display formats, and the
 * exception handler that turns any unexpected failure into a friendly page, never a stack trace.
 */
package org.domicile.web.faces;
