package dev.attest.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an upload waits for its document to be read ({@code attest.documents.upload-reading.*}). A file read within
 * the wait (a text PDF, a small scan) is answered with everything read and checked; a slower one is answered at once
 * with its reading {@code PENDING}, read by an engine job, and checked again when that ends.
 *
 * @param waitAtMost how long an upload, or a form filling its fields from a chosen file, waits for the reading
 *        (default 2 s, below the 2.5 s an upload may take; at least 1 ms, at most 1 minute)
 * @param readers how many files are read at once for uploads and forms (default 2, one per core of the reference
 *        machine); more wait in a queue of {@link #QUEUE_PER_READER} per reader, and past it are read by the job
 */
@ConfigurationProperties(prefix = "attest.documents.upload-reading")
public record UploadReadingSettings(@DefaultValue("2s") Duration waitAtMost, @DefaultValue("2") int readers) {

    /** Files that may wait for each reader before an upload stops waiting at once. */
    public static final int QUEUE_PER_READER = 4;

    public UploadReadingSettings {
        if (waitAtMost == null || waitAtMost.isNegative() || waitAtMost.isZero()
                || waitAtMost.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("attest.documents.upload-reading.wait-at-most must be between 1ms and 1m, "
                    + "not " + waitAtMost);
        }
        if (readers < 1 || readers > 64) {
            throw new IllegalArgumentException("attest.documents.upload-reading.readers must be between 1 and 64, not "
                    + readers);
        }
    }
}
