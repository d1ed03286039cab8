/** Accounts and the value objects that guard their fields. No persistence or container code beyond JPA mapping. */
package org.domicile.identity.domain;
