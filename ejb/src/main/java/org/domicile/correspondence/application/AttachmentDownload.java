package org.domicile.correspondence.application;

/** The bytes of one attached file with its name and type (as found in the content, never as declared). */
public record AttachmentDownload(String fileName, String mediaType, byte[] content) {
    @Override
    public String toString() {
        return "AttachmentDownload[" + fileName + ", " + content.length + " bytes]";
    }
}
