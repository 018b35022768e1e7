package dev.attest.documents.reading;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document reading's settings ({@code attest.reading.*}): whether stored documents are read, and the bounds of the
 * work one document may cost.
 *
 * @param enabled whether documents are read at all (default true); off, every reading is UNREADABLE saying so
 * @param maxPages the most pages of a PDF read, from the first (default 3)
 * @param maxPixels the most pixels of one page raster given to OCR (default 12 million; an image with more is
 *        subsampled while it is decoded, a PDF page drawn at a lower resolution)
 * @param dpi the resolution image-only PDF pages are drawn at for OCR (default 200, as scanners do; 100 to 400):
 *        higher costs OCR time for little gain on printed bills
 * @param pageTimeout the time one page may take to draw and recognise (default 8 s)
 * @param totalTimeout the time one document may take in all (default 20 s); what is not read by then is left out
 * @param memoryBudget the most a PDF's parser may cache in memory (default 64 MB)
 * @param workers how many documents are read at once (default 2); more wait, a few at most, then are refused
 */
@ConfigurationProperties(prefix = "attest.reading")
public record ReadingSettings(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxPages,
        @DefaultValue("12000000") long maxPixels, @DefaultValue("200") int dpi,
        @DefaultValue("8s") Duration pageTimeout, @DefaultValue("20s") Duration totalTimeout,
        @DefaultValue("64MB") DataSize memoryBudget, @DefaultValue("2") int workers) {

    public ReadingSettings {
        if (maxPages < 1 || maxPages > 50) {
            throw new IllegalArgumentException("attest.reading.max-pages must be between 1 and 50, not " + maxPages);
        }
        if (maxPixels < 100_000 || maxPixels > 100_000_000) {
            throw new IllegalArgumentException("attest.reading.max-pixels must be between 100000 and 100000000, not "
                    + maxPixels);
        }
        if (dpi < 100 || dpi > 400) {
            throw new IllegalArgumentException("attest.reading.dpi must be between 100 and 400, not " + dpi);
        }
        positive("page-timeout", pageTimeout);
        positive("total-timeout", totalTimeout);
        if (totalTimeout.compareTo(pageTimeout) < 0) {
            throw new IllegalArgumentException("attest.reading.total-timeout must be at least "
                    + "attest.reading.page-timeout");
        }
        if (memoryBudget == null || memoryBudget.toMegabytes() < 8) {
            throw new IllegalArgumentException("attest.reading.memory-budget must be at least 8MB");
        }
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("attest.reading.workers must be between 1 and 16, not " + workers);
        }
    }

    /** The defaults, for tests and tools that read without Spring. */
    public static ReadingSettings defaults() {
        return new ReadingSettings(true, 3, 12_000_000, 200, Duration.ofSeconds(8), Duration.ofSeconds(20),
                DataSize.ofMegabytes(64), 2);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("attest.reading." + name + " must be positive, not " + value);
        }
    }
}
