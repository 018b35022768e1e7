package dev.attest.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Loading and drawing a PDF or an image within the bounds upload inspection and previews keep, for the readers of
 * the {@code reading} package: the parser's caches within a memory budget, no stream decoding past
 * {@link BoundedPdfDecoding#MAX_DECODED_BYTES}, drawing stopped between two operators when its time is up, and no
 * large progressive JPEG decoded (its decoder's native memory is outside the heap's limit).
 */
public final class BoundedDecoding {

    private BoundedDecoding() {
    }

    /**
     * Loads a PDF in at most {@code memoryBudget} bytes of parser cache, and starts watching this thread's stream
     * decoding ({@link #wasCutOff()}).
     */
    public static PDDocument load(byte[] bytes, long memoryBudget) throws IOException {
        BoundedPdfDecoding.startCounting();
        return PdfInspection.load(bytes, memoryBudget);
    }

    /** Whether a stream decoded on this thread since {@link #load} was cut off at the limit. */
    public static boolean wasCutOff() {
        return BoundedPdfDecoding.wasCutOff();
    }

    /**
     * Draws one page at {@code scale} pixels per point, stopping when {@code deadlineNanos} ({@link System#nanoTime()})
     * passes or the thread is interrupted.
     *
     * @throws IOException when drawing ran out of time, a stream was cut off, or an image was too large to draw
     */
    public static BufferedImage render(PDDocument document, int pageIndex, float scale, ImageType type,
            long deadlineNanos) throws IOException {
        PagePreviews.DeadlineRenderer renderer = new PagePreviews.DeadlineRenderer(document, deadlineNanos);
        renderer.setSubsamplingAllowed(true);
        BufferedImage image = renderer.renderImage(pageIndex, scale, type);
        if (renderer.tooLarge()) {
            throw new IOException("the page holds an image too large to draw");
        }
        if (BoundedPdfDecoding.wasCutOff()) {
            throw new IOException("the page holds a stream too large to decode");
        }
        return image;
    }

    /** The largest progressive JPEG that may be decoded, in pixels. */
    public static final long MAX_PROGRESSIVE_JPEG_PIXELS = PagePreviews.MAX_PROGRESSIVE_JPEG_PIXELS;

    /** Whether a JPEG's frame is progressive (its decoding holds about 4 bytes a pixel of native memory). */
    public static boolean progressiveJpeg(byte[] jpeg) {
        return PagePreviews.progressiveJpeg(jpeg);
    }
}
