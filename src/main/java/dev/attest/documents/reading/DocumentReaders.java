package dev.attest.documents.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;
import dev.attest.documents.BoundedDecoding;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.InspectedFile;
import dev.attest.documents.reading.TextFields.Found;

/**
 * The {@link DocumentReader}: sends each file the way it can be read and puts together what was found.
 * <ul>
 * <li>PDFs (parsed within the upload inspection's bounds, at most {@link ReadingSettings#maxPages()} pages): a page
 * with a text layer gives its text; an image-only page is drawn in grey at {@link ReadingSettings#dpi()} (lowered to
 * fit {@link ReadingSettings#maxPixels()}) and recognised, and for identity documents searched for the
 * machine-readable zone and the PDF417 barcode.</li>
 * <li>PNG and JPEG: the size is read from the header before anything is decoded; an image larger than the pixel
 * limit is subsampled while it is decoded, a large progressive JPEG is not decoded at all; then the same as an
 * image-only page.</li>
 * <li>Word files are not read (UNREADABLE, saying so).</li>
 * </ul>
 * Bills and statements get their holder, address, date, issuer and country from {@link TextFields}; passports and ID
 * cards their name, number, dates and country from the zone ({@link ZoneFields}), licences from the barcode.
 * Reading runs on a small pool of its own workers within {@link ReadingSettings#totalTimeout()}; each page within
 * {@link ReadingSettings#pageTimeout()}. Whatever the file holds, {@link #read} answers with a reading: a file that
 * breaks a parser, runs out of time or holds nothing readable is UNREADABLE with the reason.
 * <p>
 * OCR and the identity zones are other beans ({@link TextRecognition}, {@link IdentityZones}).
 */
@Component
@EnableConfigurationProperties(ReadingSettings.class)
public class DocumentReaders implements DocumentReader, DisposableBean {

    /** A page whose text layer holds fewer letters and digits than this is read as an image. */
    static final int MIN_TEXT_CHARACTERS = 20;
    /** Confidence of text taken from a PDF's text layer (the text is the file's own, its meaning is found). */
    static final double PDF_TEXT_CONFIDENCE = 0.95;
    /** Confidence of a barcode's values (its own error correction; no check digits over the values). */
    static final double BARCODE_CONFIDENCE = 0.99;
    private static final int MAX_EDGE = 10_000;
    /** The largest image read at all (upload inspection's default limit): a page photo has far fewer. */
    static final long MAX_IMAGE_PIXELS = 100_000_000;
    /** The longest edge of an image read at all. */
    static final long MAX_IMAGE_EDGE = 40_000;

    private final ReadingSettings settings;
    private final Supplier<TextRecognition> recognition;
    private final Supplier<IdentityZones> zones;
    private final ThreadPoolExecutor workers;

    private final Runnable closeEngines;

    @Autowired
    DocumentReaders(ReadingSettings settings, TextRecognition recognition, IdentityZones zones) {
        this(settings, () -> recognition, () -> zones, () -> {
        });
    }

    /**
     * A reader with these engines (tests).
     *
     * @param recognition OCR, or {@code null} for none
     * @param zones the identity zones' reader, or {@code null} for none
     */
    public static DocumentReaders with(ReadingSettings settings, TextRecognition recognition, IdentityZones zones) {
        return new DocumentReaders(settings, () -> recognition, () -> zones, () -> {
        });
    }

    /**
     * A reader outside Spring with its own Tesseract engines and zone reader (the benchmark harness); {@link #destroy()}
     * closes them.
     */
    public static DocumentReaders standalone(ReadingSettings settings, OcrSettings ocr, Clock clock, ZoneId zone) {
        TesseractRecognition recognition = new TesseractRecognition(ocr);
        MachineReadableZones zones = new MachineReadableZones(recognition, ocr, clock, zone);
        return new DocumentReaders(settings, () -> recognition, () -> zones, recognition::destroy);
    }

    private DocumentReaders(ReadingSettings settings, Supplier<TextRecognition> recognition,
            Supplier<IdentityZones> zones, Runnable closeEngines) {
        this.settings = settings;
        this.recognition = recognition;
        this.zones = zones;
        this.closeEngines = closeEngines;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(settings.workers() * 4), r -> {
                    Thread thread = new Thread(r, "document-reader-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public DocumentReading read(InspectedFile file, byte[] content, DocumentKind kind) {
        if (!settings.enabled()) {
            return DocumentReading.unreadable("Reading documents is turned off (attest.reading.enabled)");
        }
        if (file == null || content == null || content.length == 0) {
            return DocumentReading.unreadable("The file is empty");
        }
        DocumentKind declared = kind == null ? DocumentKind.OTHER : kind;
        long budget = settings.totalTimeout().toNanos();
        long deadline = System.nanoTime() + budget;
        Future<DocumentReading> job;
        try {
            job = workers.submit(() -> readNow(file, content, declared, deadline));
        } catch (RejectedExecutionException e) {
            return DocumentReading.unreadable("Too many documents are being read at once; the document was not read");
        }
        try {
            // a little longer than the budget: the worker stops itself at the deadline and says how far it got
            return job.get(budget + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            long millis = settings.totalTimeout().toMillis();
            return DocumentReading.unreadable("Reading took longer than " + (millis % 1000 == 0 ? millis / 1000 + " s"
                    : millis + " ms") + " and was stopped");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return DocumentReading.unreadable("Reading was interrupted");
        } catch (ExecutionException e) {
            return DocumentReading.unreadable("The file cannot be read: " + reason(e.getCause()));
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        closeEngines.run();
    }

    /** Reads on the calling thread (a worker); never throws for the file's content. */
    DocumentReading readNow(InspectedFile file, byte[] content, DocumentKind kind, long deadline) {
        try {
            if (file.isPdf()) {
                return pdf(content, kind, deadline);
            }
            if (file.isImage()) {
                return image(content, kind, deadline);
            }
            return DocumentReading.unreadable(file.label() + " files are not read; upload the document as a PDF or "
                    + "a photo for it to be read");
        } catch (InvalidPasswordException e) {
            return DocumentReading.unreadable("The PDF is password-protected");
        } catch (InterruptedIOException e) {
            return DocumentReading.unreadable("Reading ran out of time");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return DocumentReading.unreadable("The file cannot be read: " + reason(e));
        }
    }

    // ------------------------------------------------------------------------------------------------- PDFs

    private DocumentReading pdf(byte[] content, DocumentKind kind, long deadline) throws IOException {
        Pages pages = new Pages(kind);
        try (PDDocument document = BoundedDecoding.load(content, settings.memoryBudget().toBytes())) {
            int count = document.getNumberOfPages();
            if (count < 1) {
                return DocumentReading.unreadable("The PDF has no pages");
            }
            int read = Math.min(count, settings.maxPages());
            if (count > read) {
                pages.problem("Only the first " + read + " of " + count + " pages were read");
            }
            for (int i = 0; i < read; i++) {
                if (System.nanoTime() > deadline) {
                    pages.problem("Reading ran out of time after page " + i);
                    break;
                }
                long pageDeadline = Math.min(deadline, System.nanoTime() + settings.pageTimeout().toNanos());
                String text;
                try {
                    text = pageText(document, i, pageDeadline);
                } catch (InterruptedIOException e) {
                    pages.problem("The text of page " + (i + 1) + " took too long to read");
                    continue;
                }
                if (letters(text) >= MIN_TEXT_CHARACTERS) {
                    pages.text(text, ReadSource.PDF_TEXT, PDF_TEXT_CONFIDENCE);
                    continue;
                }
                BufferedImage raster;
                try {
                    raster = render(document, i, pageDeadline);
                } catch (IOException e) {
                    pages.problem("Page " + (i + 1) + " cannot be drawn: " + reason(e));
                    continue;
                }
                if (raster == null) {
                    pages.problem("Page " + (i + 1) + " has no valid size");
                    continue;
                }
                pages.raster(raster, i + 1);
            }
        }
        return pages.reading();
    }

    private static String pageText(PDDocument document, int index, long deadline) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                if (Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) {
                    throw new InterruptedIOException("reading the page's text ran out of time");
                }
                super.processOperator(operator, operands);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.setLineSeparator("\n");
        String text = stripper.getText(document);
        if (BoundedDecoding.wasCutOff()) {
            throw new IOException("a stream of the page decodes to too much");
        }
        return text;
    }

    private BufferedImage render(PDDocument document, int index, long deadline) throws IOException {
        PDPage page = document.getPage(index);
        PDRectangle box = page.getCropBox();
        double width = box.getWidth();
        double height = box.getHeight();
        if (!(Double.isFinite(width) && Double.isFinite(height) && width > 0 && height > 0)) {
            return null;
        }
        double scale = settings.dpi() / 72.0;
        scale = Math.min(scale, Math.sqrt(settings.maxPixels() / (width * height)));
        scale = Math.min(scale, Math.min(MAX_EDGE / width, MAX_EDGE / height));
        if (!(scale > 0) || Math.floor(width * scale) < 1 || Math.floor(height * scale) < 1) {
            throw new IOException("the page is too large to draw");
        }
        return BoundedDecoding.render(document, index, (float) scale, ImageType.GRAY, deadline);
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------- images

    private DocumentReading image(byte[] content, DocumentKind kind, long deadline) throws IOException {
        BufferedImage grey = decode(content, deadline);
        if (grey == null) {
            return DocumentReading.unreadable("The image cannot be decoded");
        }
        if (System.nanoTime() > deadline) {
            return DocumentReading.unreadable("Reading ran out of time");
        }
        Pages pages = new Pages(kind);
        pages.raster(grey, 0);
        return pages.reading();
    }

    /**
     * Decodes an image to 8-bit grey within the pixel limit: the size comes from the header, and an image larger
     * than the limit is subsampled while it is decoded (never decoded whole first).
     */
    BufferedImage decode(byte[] content, long deadline) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? List.<ImageReader>of().iterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return null;
                }
                if (width * height > MAX_IMAGE_PIXELS || width > MAX_IMAGE_EDGE || height > MAX_IMAGE_EDGE) {
                    throw new IOException("an image of " + width + " × " + height + " pixels is too large to read");
                }
                if (width * height > BoundedDecoding.MAX_PROGRESSIVE_JPEG_PIXELS
                        && BoundedDecoding.progressiveJpeg(content)) {
                    throw new IOException("a progressive JPEG of " + width + " × " + height
                            + " pixels is too large to decode");
                }
                int step = 1;
                while ((width / step + 1) * (height / step + 1) > settings.maxPixels() || width / step > MAX_EDGE
                        || height / step > MAX_EDGE) {
                    step++;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                reader.addIIOReadProgressListener(new StopAtDeadline(deadline));
                BufferedImage image = reader.read(0, param);
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("decoding the image ran out of time");
                }
                return grey(image);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Stops a decoder between two rows when the time is up or the worker was told to stop. */
    private static final class StopAtDeadline implements IIOReadProgressListener {
        private final long deadline;

        StopAtDeadline(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    /** The image in 8-bit grey, transparent parts white. */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    private static String reason(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        if (e instanceof OutOfMemoryError) {
            return "it needs too much memory";
        }
        if (e instanceof StackOverflowError) {
            return "it is nested too deeply";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }

    // ------------------------------------------------------------------------------------------------- results

    /** What the pages of one document gave, put together into a reading. */
    private final class Pages {

        /** A piece of text, where it came from and how sure its engine is. */
        private record Piece(int start, int end, ReadSource source, double confidence) {
        }

        private final DocumentKind kind;
        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private MrzReading mrz;
        private BarcodeReading barcode;

        Pages(DocumentKind kind) {
            this.kind = kind;
        }

        void problem(String problem) {
            problems.add(problem);
        }

        void text(String pageText, ReadSource source, double confidence) {
            // a text layer or OCR may carry control and invisible formatting characters: read as a person sees it
            String t = VisibleText.of(pageText.replace("\r\n", "\n").replace('\r', '\n')).strip();
            if (t.isEmpty() || text.length() >= DocumentReading.MAX_TEXT) {
                return;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(t, 0, Math.min(t.length(), DocumentReading.MAX_TEXT - start));
            pieces.add(new Piece(start, text.length(), source, confidence));
        }

        /** A page as pixels (page is its number in a PDF, 0 for an image): the zones, then OCR when needed. */
        void raster(BufferedImage page, int number) {
            String where = number == 0 ? "the image" : "page " + number;
            boolean zoneRead = false;
            if (kind.isIdentity()) {
                IdentityZones reader = zones.get();
                if (reader == null) {
                    problem("The machine-readable zone and barcode reader is not available");
                } else {
                    if (barcode == null && (kind == DocumentKind.DRIVERS_LICENSE || kind == DocumentKind.STATE_ID)) {
                        barcode = reader.readBarcode(page).orElse(null);
                    }
                    if (mrz == null && barcode == null && kind != DocumentKind.DRIVERS_LICENSE) {
                        mrz = reader.readMrz(page).orElse(null);
                    }
                    zoneRead = mrz != null || barcode != null;
                }
            }
            if (zoneRead) {
                return;
            }
            TextRecognition ocr = recognition.get();
            if (ocr == null) {
                problem("Text recognition (OCR) is not available, so " + where + " was not read");
                return;
            }
            TextRecognition.Recognised recognised = ocr.recognise(page, TextRecognition.Profile.TEXT);
            if (recognised == null) {
                problem("OCR found no text on " + where);
                return;
            }
            if (recognised.timedOut()) {
                problem("OCR ran out of time on " + where);
            }
            String t = recognised.text() == null ? "" : recognised.text();
            if (t.isBlank()) {
                problem("OCR found no text on " + where);
                return;
            }
            double confidence = Math.max(0.0, Math.min(1.0, recognised.confidence()));
            text(t, ReadSource.OCR, confidence);
        }

        DocumentReading reading() {
            String all = text.toString();
            if (all.isBlank() && mrz == null && barcode == null) {
                return DocumentReading.unreadable(problems.isEmpty() ? "No text could be read from the document"
                        : String.join("; ", problems));
            }
            if (kind.isIdentity() && mrz == null && barcode == null && zones.get() != null) {
                problems.add(kind == DocumentKind.DRIVERS_LICENSE ? "No barcode was found"
                        : "No machine-readable zone" + (kind == DocumentKind.STATE_ID ? " or barcode" : "")
                                + " was found");
            }
            TextFields.Fields fields = all.isBlank() ? null
                    : kind.isIdentity() ? TextFields.findIdentity(all, null) : TextFields.find(all);
            Values v = new Values();
            List<DocumentReading.Span> spans = new ArrayList<>();
            if (fields != null) {
                v.fullName = fromText(fields.fullName(), DocumentReading.Field.FULL_NAME, spans);
                v.address = fromText(fields.address(), DocumentReading.Field.ADDRESS, spans);
                v.documentDate = fromText(fields.documentDate(), DocumentReading.Field.DOCUMENT_DATE, spans);
                v.issuer = fromText(fields.issuer(), DocumentReading.Field.ISSUER, spans);
                v.issuingCountry = fromText(fields.issuingCountry(), DocumentReading.Field.ISSUING_COUNTRY, spans);
                v.documentNumber = fromText(fields.documentNumber(), DocumentReading.Field.DOCUMENT_NUMBER, spans);
                v.dateOfBirth = fromText(fields.dateOfBirth(), DocumentReading.Field.DATE_OF_BIRTH, spans);
                v.expiresOn = fromText(fields.expiresOn(), DocumentReading.Field.EXPIRES_ON, spans);
            }
            if (mrz != null) {
                fromZone(v, mrz, spans);
            }
            if (barcode != null) {
                fromBarcode(v, barcode, spans);
            }
            return new DocumentReading(DocumentReading.Status.DONE, v.fullName, v.documentNumber, v.dateOfBirth,
                    v.expiresOn, v.issuingCountry, v.issuingRegion, v.issuer, v.documentDate, v.address, mrz, barcode,
                    all, spans, problems.isEmpty() ? null : String.join("; ", problems));
        }

        private <T> ReadValue<T> fromText(Found<T> found, DocumentReading.Field field,
                List<DocumentReading.Span> spans) {
            if (found == null) {
                return null;
            }
            Piece piece = pieceAt(found.start());
            if (piece == null) {
                return null;
            }
            if (found.end() > found.start()) {
                spans.add(new DocumentReading.Span(field, found.start(), found.end()));
            }
            double confidence = Math.max(0.0, Math.min(1.0, piece.confidence() * found.confidence()));
            return new ReadValue<>(found.value(), piece.source(), confidence);
        }

        /** The piece of text a position falls in (a value found nowhere in particular: the first piece). */
        private Piece pieceAt(int position) {
            for (Piece piece : pieces) {
                if (position >= piece.start() && position < piece.end()) {
                    return piece;
                }
            }
            return pieces.isEmpty() ? null : pieces.get(0);
        }

        private void fromZone(Values v, MrzReading zone, List<DocumentReading.Span> spans) {
            MrzReading.CheckDigits digits = zone.checkDigits();
            double all = zone.valid() ? 1.0 : 0.8;
            String name = ZoneFields.fullName(zone);
            if (name != null) {
                v.fullName = replace(v.fullName, new ReadValue<>(name, ReadSource.MRZ, all), spans,
                        DocumentReading.Field.FULL_NAME);
            }
            if (zone.documentNumber() != null && !zone.documentNumber().isBlank()) {
                v.documentNumber = replace(v.documentNumber, new ReadValue<>(zone.documentNumber(), ReadSource.MRZ,
                        digits.documentNumber() ? all : 0.4), spans, DocumentReading.Field.DOCUMENT_NUMBER);
            }
            if (zone.dateOfBirth() != null) {
                v.dateOfBirth = replace(v.dateOfBirth, new ReadValue<>(zone.dateOfBirth(), ReadSource.MRZ,
                        digits.dateOfBirth() ? all : 0.4), spans, DocumentReading.Field.DATE_OF_BIRTH);
            }
            if (zone.expiresOn() != null) {
                v.expiresOn = replace(v.expiresOn, new ReadValue<>(zone.expiresOn(), ReadSource.MRZ,
                        digits.expiresOn() ? all : 0.4), spans, DocumentReading.Field.EXPIRES_ON);
            }
            Optional<CountryCode> country = ZoneFields.country(zone.issuingState());
            if (country.isPresent()) {
                v.issuingCountry = replace(v.issuingCountry, new ReadValue<>(country.get(), ReadSource.MRZ, all),
                        spans, DocumentReading.Field.ISSUING_COUNTRY);
            }
        }

        private void fromBarcode(Values v, BarcodeReading code, List<DocumentReading.Span> spans) {
            String name = ZoneFields.fullName(code);
            if (name != null) {
                v.fullName = replace(v.fullName, barcodeValue(name), spans, DocumentReading.Field.FULL_NAME);
            }
            String number = ZoneFields.element(code.elements(), "DAQ");
            if (number != null) {
                v.documentNumber = replace(v.documentNumber, barcodeValue(number), spans,
                        DocumentReading.Field.DOCUMENT_NUMBER);
            }
            LocalDate birth = ZoneFields.date(code, "DBB");
            if (birth != null) {
                v.dateOfBirth = replace(v.dateOfBirth, barcodeValue(birth), spans,
                        DocumentReading.Field.DATE_OF_BIRTH);
            }
            LocalDate expiry = ZoneFields.date(code, "DBA");
            if (expiry != null) {
                v.expiresOn = replace(v.expiresOn, barcodeValue(expiry), spans, DocumentReading.Field.EXPIRES_ON);
            }
            Optional<CountryCode> country = ZoneFields.country(code);
            if (country.isPresent()) {
                v.issuingCountry = replace(v.issuingCountry, barcodeValue(country.get()), spans,
                        DocumentReading.Field.ISSUING_COUNTRY);
            }
            String region = ZoneFields.region(code);
            if (region != null) {
                v.issuingRegion = barcodeValue(region);
            }
            Written address = ZoneFields.address(code);
            if (address != null) {
                v.address = replace(v.address, barcodeValue(address), spans, DocumentReading.Field.ADDRESS);
            }
        }

        private static <T> ReadValue<T> barcodeValue(T value) {
            return new ReadValue<>(value, ReadSource.BARCODE, BARCODE_CONFIDENCE);
        }

        /** A value from a zone or barcode takes the place of one found in the text, and its highlight. */
        private static <T> ReadValue<T> replace(ReadValue<T> old, ReadValue<T> value, List<DocumentReading.Span> spans,
                DocumentReading.Field field) {
            if (old != null) {
                spans.removeIf(s -> s.field() == field);
            }
            return value;
        }
    }

    /** The values of a reading while it is put together. */
    private static final class Values {
        ReadValue<String> fullName;
        ReadValue<String> documentNumber;
        ReadValue<LocalDate> dateOfBirth;
        ReadValue<LocalDate> expiresOn;
        ReadValue<CountryCode> issuingCountry;
        ReadValue<String> issuingRegion;
        ReadValue<String> issuer;
        ReadValue<LocalDate> documentDate;
        ReadValue<Written> address;
    }
}
