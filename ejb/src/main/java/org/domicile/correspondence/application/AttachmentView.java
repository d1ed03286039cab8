package org.domicile.correspondence.application;

import java.time.Instant;

/** An attached file: its type as found in the content, its size in bytes and its SHA-256 (lower-case hex). */
public record AttachmentView(String id, String fileName, String mediaType, long size, String sha256, Instant addedAt) {
}
