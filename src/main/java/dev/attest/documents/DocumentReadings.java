package dev.attest.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.attest.documents.internal.EncryptedFileStore;
import dev.attest.documents.reading.DocumentReader;
import dev.attest.documents.reading.DocumentReading;

/**
 * Runs the {@link DocumentReader} for uploads and forms within the wait {@link UploadReadingSettings} allows, on a
 * bounded pool of readers, and keeps what was read encrypted like the documents. A reading that does not finish in
 * time is stopped and answered as {@link DocumentReading.Status#PENDING}: the DocumentCheck's job reads the stored
 * document again, without that wait. What was read in the last minutes is remembered by the file's checksum, so that
 * the upload after a form filled its fields from the same file does not read it twice.
 */
@Component
class DocumentReadings implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentReadings.class);
    private static final Duration REMEMBERED = Duration.ofMinutes(10);
    private static final int REMEMBERED_FILES = 32;

    private final DocumentReader reader;
    private final EncryptedFileStore store;
    private final Clock clock;
    private final Duration waitAtMost;
    private final ThreadPoolExecutor readers;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<String, Remembered> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED_FILES;
        }
    };

    private record Remembered(DocumentReading reading, Instant at) {
    }

    DocumentReadings(DocumentReader reader, EncryptedFileStore store, Clock clock, UploadReadingSettings settings) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        this.waitAtMost = settings.waitAtMost();
        AtomicInteger n = new AtomicInteger();
        this.readers = new ThreadPoolExecutor(settings.readers(), settings.readers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.readers() * UploadReadingSettings.QUEUE_PER_READER), r -> {
                    Thread t = new Thread(r, "document-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Whether documents are read at all (see {@link DocumentReader#enabled()}). */
    boolean enabled() {
        return reader.enabled();
    }

    /**
     * Reads a file within the upload's wait: what was read, or {@link DocumentReading#pending()} when it takes longer
     * (or every reader is busy and the queue full).
     */
    DocumentReading within(InspectedFile file, byte[] bytes, DocumentKind kind) {
        String key = key(bytes, kind);
        DocumentReading known = remembered(key);
        if (known != null) {
            return known;
        }
        Future<DocumentReading> reading;
        try {
            reading = readers.submit(() -> fully(file, bytes, kind));
        } catch (RejectedExecutionException e) {
            log.info("Every document reader is busy: {} is read in the background", file.fileName());
            return DocumentReading.pending();
        }
        long started = System.nanoTime();
        try {
            DocumentReading read = reading.get(waitAtMost.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Read {} ({}) in {} ms: {}", file.fileName(), kind,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), read.status());
            remember(key, read);
            return read;
        } catch (TimeoutException e) {
            reading.cancel(true);
            log.info("Reading {} takes longer than {}: read in the background", file.fileName(), waitAtMost);
            return DocumentReading.pending();
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            return DocumentReading.pending();
        } catch (ExecutionException e) {
            return unreadable(file, e.getCause());
        }
    }

    /** Reads a file as long as the reader's own limits allow (the background job). Never throws for the file. */
    DocumentReading fully(InspectedFile file, byte[] bytes, DocumentKind kind) {
        try {
            DocumentReading read = reader.read(file, bytes, kind);
            return read == null || read.status() == DocumentReading.Status.PENDING
                    ? DocumentReading.unreadable("the reader gave no result") : read;
        } catch (RuntimeException | StackOverflowError e) {
            return unreadable(file, e);
        }
    }

    private static DocumentReading unreadable(InspectedFile file, Throwable e) {
        log.warn("Reading {} failed: {}", file.fileName(), String.valueOf(e));
        return DocumentReading.unreadable("the reader failed on this file");
    }

    /** What was read, encrypted for the document's row. */
    byte[] seal(UUID documentId, DocumentReading reading) {
        try {
            return store.seal(context(documentId), json.writeValueAsBytes(reading));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a stored document was read to say: {@code null} for a document stored before Attest read documents,
     * {@link DocumentReading#pending()} while it waits.
     */
    DocumentReading of(StoredDocument document) {
        if (document.getReadingStatus() == null) {
            return null;
        }
        byte[] sealed = document.getReadingSealed();
        if (sealed == null) {
            return document.getReadingStatus() == DocumentReading.Status.PENDING ? DocumentReading.pending()
                    : DocumentReading.unreadable(null);
        }
        try {
            return json.readValue(store.open(context(document.getId()), sealed), DocumentReading.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String context(UUID documentId) {
        return "reading:" + documentId;
    }

    private static String key(byte[] bytes, DocumentKind kind) {
        return EncryptedFileStore.sha256(bytes) + ":" + kind.name();
    }

    private DocumentReading remembered(String key) {
        synchronized (recent) {
            Remembered r = recent.get(key);
            if (r == null || r.at().plus(REMEMBERED).isBefore(clock.instant())) {
                recent.remove(key);
                return null;
            }
            return r.reading();
        }
    }

    private void remember(String key, DocumentReading reading) {
        synchronized (recent) {
            recent.put(key, new Remembered(reading, clock.instant()));
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
