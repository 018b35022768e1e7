package dev.attest.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Renders the preview of a document within a budget, so that no document can take a node down: at most
 * {@code maxPixels} pixels (a page is scaled down to fit, from its crop box, before anything is allocated; an
 * image is read from its header and subsampled while decoding), one page, in bounded memory (the parser's caches
 * are limited), in bounded time (rendering runs on a small pool of workers and is stopped between two drawing
 * operators when its time is up), and never more renders at once than workers and queue places. A document that
 * cannot be previewed gets a picture that says why, so the reviewer reads a message, not a broken image.
 * <p>
 * Thread-safe.
 */
final class PagePreviews {

    /** At most this many pixels in one preview (about 32 MiB as ARGB). */
    static final long DEFAULT_MAX_PIXELS = 8_000_000;
    private static final float PREVIEW_DPI = 90;
    private static final int MAX_EDGE = 8_000;
    /** The largest progressive JPEG previewed (its decoding takes about 4 bytes a pixel of native memory). */
    static final long MAX_PROGRESSIVE_JPEG_PIXELS = 25_000_000;

    private final long maxPixels;
    private final long timeoutMillis;
    private final long memoryBudget;
    private final ThreadPoolExecutor workers;

    PagePreviews(long maxPixels, long timeoutMillis, long memoryBudget, int workerCount) {
        this.maxPixels = maxPixels;
        this.timeoutMillis = timeoutMillis;
        this.memoryBudget = memoryBudget;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(workerCount * 2), r -> {
                    Thread thread = new Thread(r, "document-preview-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** A preview, or the reason there is none. */
    record Preview(byte[] png, String problem) {

        static Preview notice(String problem) {
            return new Preview(null, problem);
        }

        boolean rendered() {
            return png != null;
        }
    }

    /** A PNG of the first page of a PDF or of an image, or a PNG that says why there is no preview. */
    byte[] png(String mediaType, byte[] bytes) {
        Preview preview = render(mediaType, bytes);
        return preview.rendered() ? preview.png() : notice(preview.problem());
    }

    Preview render(String mediaType, byte[] bytes) {
        Future<Preview> job;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            job = workers.submit(() -> mediaType.startsWith("image/") ? image(bytes) : pdf(bytes, deadline));
        } catch (RejectedExecutionException e) {
            return Preview.notice("Previews are busy; try again in a moment or download the file");
        }
        try {
            return job.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            return Preview.notice("The page took too long to draw; download the file to read it");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return Preview.notice("The preview was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedIOException) {
                return Preview.notice("The page took too long to draw; download the file to read it");
            }
            return Preview.notice("The page cannot be drawn; download the file to read it");
        }
    }

    private Preview pdf(byte[] bytes, long deadline) throws IOException {
        BoundedPdfDecoding.startCounting();
        try (PDDocument document = PdfInspection.load(bytes, memoryBudget)) {
            if (document.getNumberOfPages() < 1) {
                return Preview.notice("The PDF has no pages");
            }
            PDPage page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            float width = box.getWidth();
            float height = box.getHeight();
            if (!(Float.isFinite(width) && Float.isFinite(height) && width > 0 && height > 0)) {
                return Preview.notice("The page has no valid size; download the file to read it");
            }
            float scale = scale(width, height);
            if (scale <= 0) {
                return Preview.notice("The page of %.0f × %.0f pt is too large to preview; download the file to read it"
                        .formatted(width, height));
            }
            PDFRenderer renderer = new DeadlineRenderer(document, deadline);
            renderer.setSubsamplingAllowed(true);
            BufferedImage image = renderer.renderImage(0, scale, ImageType.RGB);
            if (((DeadlineRenderer) renderer).tooLarge) {
                return Preview.notice("The page holds an image too large to draw; download the file to read it");
            }
            if (BoundedPdfDecoding.wasCutOff()) {
                return Preview.notice("The page cannot be drawn: it holds a stream too large to decode; download the "
                        + "file to read it");
            }
            return new Preview(png(image), null);
        }
    }

    /**
     * The scale from points to pixels: the preview resolution, lowered until the page fits the pixel budget and
     * no edge is longer than {@value #MAX_EDGE} pixels; 0 when even one pixel per point row does not fit.
     */
    float scale(double width, double height) {
        double scale = PREVIEW_DPI / 72.0;
        scale = Math.min(scale, Math.sqrt(maxPixels / (width * height)));
        scale = Math.min(scale, MAX_EDGE / width);
        scale = Math.min(scale, MAX_EDGE / height);
        long pixels = (long) Math.max(1, Math.floor(width * scale)) * (long) Math.max(1, Math.floor(height * scale));
        return pixels > maxPixels || !(scale > 0) ? 0 : (float) scale;
    }

    private Preview image(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? List.<ImageReader>of().iterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Preview.notice("The image cannot be read; download the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Preview.notice("The image has no valid size; download the file");
                }
                if (width * height > MAX_PROGRESSIVE_JPEG_PIXELS && progressiveJpeg(bytes)) {
                    return Preview.notice("The image is a progressive JPEG of %d × %d pixels, too large to preview; "
                            .formatted(width, height) + "download the file");
                }
                int step = 1;
                while ((width / step + 1) * (height / step + 1) > maxPixels || width / step > MAX_EDGE
                        || height / step > MAX_EDGE) {
                    step++;
                }
                if (step == 1) {
                    return new Preview(bytes, null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return new Preview(png(reader.read(0, param)), null);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Whether a JPEG's frame is progressive (SOF2, SOF6, SOF10, SOF14). The JDK's decoder holds all of a progressive
     * image's coefficients in native memory, outside the heap and its limit, whatever the subsampling: about 4 bytes
     * a pixel (a 587 KB file of 10000 × 10000 took 430 MB), enough for two previews to get the container killed.
     */
    static boolean progressiveJpeg(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            return false;
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xff) != 0xFF) {
                return false;
            }
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD9) {
                pos += 2;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff));
        }
        return false;
    }

    /** The names of an image's filters, in order. */
    static List<String> filterNames(PDImageXObject image) {
        COSBase filters = image.getCOSObject().getFilters();
        if (filters instanceof COSName name) {
            return List.of(name.getName());
        }
        List<String> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name.getName());
                }
            }
        }
        return names;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A small picture with the reason there is no preview. */
    static byte[] notice(String problem) {
        BufferedImage image = new BufferedImage(640, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF4, 0xF5, 0xF7));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0x1A, 0x1A, 0x1A));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("No preview", 20, 40);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(problem.length() > 90 ? problem.substring(0, 90) + "…" : problem, 20, 75);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** Stops drawing between two operators once the time is up or the worker is told to stop. */
    static final class DeadlineRenderer extends PDFRenderer {
        private final long deadline;
        /** An image was left out as too large to decode (PDFBox goes on drawing without it). */
        private volatile boolean tooLarge;

        DeadlineRenderer(PDDocument document, long deadline) {
            super(document);
            this.deadline = deadline;
        }

        /** Whether an image was left out as too large to decode. */
        boolean tooLarge() {
            return tooLarge;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) {
                        throw new InterruptedIOException("rendering stopped: out of time");
                    }
                    super.processOperator(operator, operands);
                }

                /** A large progressive JPEG in the page is not decoded (see {@link PagePreviews#progressiveJpeg}). */
                @Override
                public void drawImage(PDImage image) throws IOException {
                    if (image instanceof PDImageXObject xobject
                            && (long) xobject.getWidth() * xobject.getHeight() > MAX_PROGRESSIVE_JPEG_PIXELS
                            && filterNames(xobject).stream().anyMatch(f -> f.startsWith("DCT"))) {
                        boolean progressive;
                        try (InputStream raw = xobject.getCOSObject().createRawInputStream()) {
                            byte[] head = raw.readAllBytes();
                            progressive = progressiveJpeg(head)
                                    || !filterNames(xobject).get(0).startsWith("DCT");
                        }
                        if (progressive) {
                            tooLarge = true;
                            throw new IOException("a progressive JPEG of " + xobject.getWidth() + " × "
                                    + xobject.getHeight() + " pixels is too large to draw");
                        }
                    }
                    super.drawImage(image);
                }
            };
        }
    }
}
