/** Processing steps and the operators registered to perform them. */
package org.domicile.operators.domain;
