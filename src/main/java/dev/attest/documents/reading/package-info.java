/**
 * Reading documents: what a stored file itself says (its PDF text, OCR of its images, the machine-readable zone
 * of an identity document, the PDF417 barcode of a US licence), so that the checks compare the document and not
 * only what somebody typed. Every value read says where it came from ({@link dev.attest.documents.reading.ReadSource})
 * and how sure the reader is. Readers never trust the file: pixel, page and time limits bound the work, and native
 * code only ever sees a raster Attest decoded itself.
 */
package dev.attest.documents.reading;
