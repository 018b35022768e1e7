package dev.attest.documents.reading;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.InspectedFile;

/**
 * Reads an accepted file: the text layer of a PDF, or OCR of an image or image-only PDF's pages; for identity
 * documents also the machine-readable zone and a licence's PDF417 barcode. Bounded in pixels, pages and time per
 * page; never throws for what the file contains (a hostile, broken or blank file reads as
 * {@link DocumentReading.Status#UNREADABLE} with the reason).
 */
public interface DocumentReader {

    /**
     * @param file what inspection found (its detected media type)
     * @param content the file's bytes, already accepted by inspection
     * @param kind what the uploader says the document is (which fields to look for)
     */
    DocumentReading read(InspectedFile file, byte[] content, DocumentKind kind);

    /**
     * Whether documents are read at all ({@code attest.reading.enabled}). When they are not, uploads store no reading
     * and the checks that judge one ({@code MRZ}, {@code CONSISTENCY}) do not run: nothing was read to judge.
     */
    default boolean enabled() {
        return true;
    }
}
