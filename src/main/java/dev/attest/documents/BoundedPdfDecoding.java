package dev.attest.documents;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Bounds what one PDF stream may decode to. PDFBox decodes a stream (a page's content, an image, and, while
 * parsing, object and cross-reference streams) completely into the heap before anyone reads it, without a limit: a
 * Flate stream of 1 MB that inflates to a few gigabytes ends the node ({@code -XX:+ExitOnOutOfMemoryError}) when a
 * reviewer opens the preview, or already when the file is inspected at upload. Every filter PDFBox knows is wrapped
 * once, process-wide, so that its output stops with an {@link IOException} past {@value #MAX_DECODED_BYTES} bytes
 * (more than a page scanned in colour at 600 dpi); the inspection then refuses the file and the preview says why
 * there is none.
 */
final class BoundedPdfDecoding {

    /** The most one filter may decode one stream to. */
    static final long MAX_DECODED_BYTES = 128L * 1024 * 1024;

    private static volatile boolean installed;
    /** Whether a decoding of this thread was cut off since {@link #startCounting()} (PDFBox may swallow the error). */
    private static final ThreadLocal<Boolean> CUT_OFF = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private BoundedPdfDecoding() {
    }

    /** Wraps PDFBox's filters (idempotent; PDFBox looks filters up in one shared factory). */
    static void install() {
        if (installed) {
            return;
        }
        synchronized (BoundedPdfDecoding.class) {
            if (installed) {
                return;
            }
            try {
                Field field = FilterFactory.class.getDeclaredField("filters");
                field.setAccessible(true);
                @SuppressWarnings("unchecked")
                Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
                filters.replaceAll((name, filter) -> filter instanceof Bounded ? filter : new Bounded(filter));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("Cannot bound PDF stream decoding; refusing to read PDFs without it",
                        e);
            }
            installed = true;
        }
    }

    /** Starts watching this thread's decoding (PDFBox logs and skips a stream it cannot decode, and goes on). */
    static void startCounting() {
        CUT_OFF.set(Boolean.FALSE);
    }

    /** Whether a stream decoded on this thread since {@link #startCounting()} was cut off. */
    static boolean wasCutOff() {
        return CUT_OFF.get();
    }

    /** A filter whose decoded output is counted and cut off. */
    static final class Bounded extends Filter {
        private final Filter inner;

        Bounded(Filter inner) {
            this.inner = inner;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            return inner.decode(encoded, new Capped(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                DecodeOptions options) throws IOException {
            return inner.decode(encoded, new Capped(decoded), parameters, index, options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            inner.encode(input, encoded, parameters, 0);
        }
    }

    /** Counts what passes and refuses more than the limit. */
    private static final class Capped extends FilterOutputStream {
        private long written;

        Capped(OutputStream out) {
            super(out);
        }

        private void count(long bytes) throws IOException {
            written += bytes;
            if (written > MAX_DECODED_BYTES) {
                CUT_OFF.set(Boolean.TRUE);
                throw new IOException("a stream decodes to more than " + MAX_DECODED_BYTES / (1024 * 1024)
                        + " MiB");
            }
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }
    }
}
