/** Where a correspondence stands in its chain, its tokens, and what the steps produced. */
package org.domicile.chain.domain;
