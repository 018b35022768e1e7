package dev.attest.documents.reading;

/** Where a value read off a document came from (stored and sent over the API by its name). */
public enum ReadSource {
    /** The machine-readable zone of a passport or ID card (ICAO 9303), check digits verified. */
    MRZ("read from the MRZ"),
    /** The PDF417 barcode of a US driver's licence or state ID (AAMVA). */
    BARCODE("read from the barcode"),
    /** The text layer of a PDF. */
    PDF_TEXT("read from the PDF text"),
    /** Optical character recognition of an image or an image-only PDF page. */
    OCR("OCR");

    private final String label;

    ReadSource(String label) {
        this.label = label;
    }

    /** How a check's detail names the source ("read from the MRZ"); OCR adds its confidence. */
    public String label() {
        return label;
    }
}
