/**
 * The certification operator's console: parties and their trust levels (each change with who,
 * when and why), organisations, processing operators, text-message status and the audit trail.
 */
package org.domicile.web.console;
