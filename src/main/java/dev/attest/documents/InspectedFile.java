package dev.attest.documents;

import java.util.List;

/**
 * What inspection found out about an accepted file.
 *
 * @param mediaType the type detected from the bytes
 * @param fileName the client's file name, checked to be a plain name
 * @param sizeBytes the size
 * @param width image width in pixels, or 0
 * @param height image height in pixels, or 0
 * @param pdfSignatures names of the PDF's digital signatures (empty when unsigned or not a PDF)
 * @param screenshotHints why the image looks like a screenshot (empty when it does not)
 * @param links the web and mail addresses a PDF or DOCX links to (the only outside targets it may have), for the
 *        reviewer to see
 */
public record InspectedFile(String mediaType, String fileName, long sizeBytes, int width, int height,
        List<String> pdfSignatures, List<String> screenshotHints, List<String> links) {

    public InspectedFile(String mediaType, String fileName, long sizeBytes, int width, int height,
            List<String> pdfSignatures, List<String> screenshotHints) {
        this(mediaType, fileName, sizeBytes, width, height, pdfSignatures, screenshotHints, List.of());
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    public boolean isPdf() {
        return "application/pdf".equals(mediaType);
    }

    /** A short name of the type for people: PDF, PNG, JPEG, DOC, DOCX. */
    public String label() {
        return FileInspection.label(mediaType);
    }
}
