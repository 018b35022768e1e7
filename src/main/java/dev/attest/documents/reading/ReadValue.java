package dev.attest.documents.reading;

import java.util.Locale;
import java.util.Objects;

/**
 * One value read off a document.
 *
 * @param value what was read (a string, a {@link java.time.LocalDate}, a {@link dev.attest.cases.CountryCode} or an
 *        {@link dev.attest.documents.AddressComparison.Written})
 * @param source where it came from
 * @param confidence how sure the reader is, 0.0 to 1.0 (1.0 for a zone whose check digits agree)
 * @param <T> the value's type
 */
public record ReadValue<T>(T value, ReadSource source, double confidence) {

    public ReadValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
        }
    }

    /** Where the value came from, as a check's detail says it: "read from the MRZ", "OCR, confidence 0.87". */
    public String provenance() {
        return source == ReadSource.OCR ? String.format(Locale.ROOT, "OCR, confidence %.2f", confidence)
                : source.label();
    }
}
