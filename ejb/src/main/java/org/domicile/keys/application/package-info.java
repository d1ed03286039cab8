/** Creating, unwrapping and caching users' key pairs. */
package org.domicile.keys.application;
