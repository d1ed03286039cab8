/**
 * Content protection: the sender's seal (CMS SignedData over the content) and confidentiality
 * (AES-256-GCM over the content, its key wrapped for each recipient in one CMS EnvelopedData by ECDH).
 */
package org.domicile.certification.protect;
