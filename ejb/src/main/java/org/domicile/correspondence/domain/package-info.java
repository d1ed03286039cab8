/**
 * The correspondence aggregate and the rules it guards (limits, what may change when), the
 * value objects of its fields, the canonical content manifest, and the content inspection of
 * attachments (type by content, zip bombs). No container code beyond the JPA mapping.
 */
package org.domicile.correspondence.domain;
