/** Directory search and the counterpart list of an office. */
package org.domicile.directory.application;
