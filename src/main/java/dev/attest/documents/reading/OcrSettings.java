package dev.attest.documents.reading;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optical character recognition's limits ({@code attest.documents.ocr.*}).
 *
 * @param engines how many Tesseract engines run at once (each holds about 30 MB of model; default 2); a page waits
 *        for a free engine at most {@code 2 × page-time-limit}
 * @param pageTimeLimit the longest recognition of one page or zone (default 3s): what is unfinished then is dropped.
 *        Tesseract checks it while it recognises words; its layout analysis before that is bounded only by the
 *        pixel limit (a 20-million-pixel raster of pure noise takes about 4 s of it on a 2-core machine)
 * @param maxPixels the most pixels a raster handed to Tesseract may have (default 20 million: an A4 page at
 *        400 dpi is 15.5 million); larger rasters are scaled down to it first, as are those wider or taller than
 *        32,000 pixels; the barcode reader looks at no more than 12 million
 */
@ConfigurationProperties(prefix = "attest.documents.ocr")
public record OcrSettings(@DefaultValue("2") int engines, @DefaultValue("3s") Duration pageTimeLimit,
        @DefaultValue("20000000") long maxPixels) {

    public OcrSettings {
        if (engines < 1 || engines > 64) {
            throw new IllegalArgumentException("attest.documents.ocr.engines must be between 1 and 64, not " + engines);
        }
        if (pageTimeLimit == null || pageTimeLimit.toMillis() < 100 || pageTimeLimit.toMinutes() > 10) {
            throw new IllegalArgumentException("attest.documents.ocr.page-time-limit must be between 100ms and 10m, not "
                    + pageTimeLimit);
        }
        if (maxPixels < 10_000 || maxPixels > 200_000_000) {
            throw new IllegalArgumentException("attest.documents.ocr.max-pixels must be between 10000 and 200000000, not "
                    + maxPixels);
        }
    }

    /** The defaults, for readers built without Spring (tests, benchmarks). */
    public static OcrSettings defaults() {
        return new OcrSettings(2, Duration.ofSeconds(3), 20_000_000);
    }
}
