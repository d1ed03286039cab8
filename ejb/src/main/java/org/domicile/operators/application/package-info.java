/** Registration of the built-in operators and queries for the console. */
package org.domicile.operators.application;
