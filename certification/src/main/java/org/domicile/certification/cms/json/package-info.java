/**
 * The canonical JSON that tokens and evidence records are made of (the signed eContent): UTF-8, keys
 * sorted at every level, no insignificant whitespace, RFC 8259 escapes, ISO-8601 UTC millisecond times,
 * "" for absent values. A small writer and a strict parser for these flat shapes, no JSON library.
 */
package org.domicile.certification.cms.json;
