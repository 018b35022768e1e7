package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.INVALID;
import static dev.attest.documents.DocumentRefusedException.Reason.TOO_LARGE;
import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.Tika;

import dev.attest.validation.InvalidInputException;
import dev.attest.validation.Text;

/**
 * Decides whether an uploaded file may be stored, from its bytes alone: the type is detected (Apache Tika),
 * must be JPEG, PNG, PDF, DOC or DOCX and agree with the file's extension; active or hostile content is
 * refused after parsing the file's structure: PDF actions other than navigation and web links, JavaScript,
 * embedded files and XFA ({@link PdfInspection}); DOCX outside targets, macro, ActiveX and OLE parts
 * recognised by content, and fields that run or load something ({@link OfficeInspection}); DOC macro storages
 * and embedded objects ({@link LegacyWordInspection}); ZIP containers whose entries are too many or would
 * inflate too far; images whose header claims absurd dimensions (never decoded here).
 * <p>
 * Thread-safe; holds only settings.
 */
public class FileInspection {

    static final Map<String, String> EXTENSIONS = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg", "png",
            "image/png", "pdf", "application/pdf", "doc", "application/msword", "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Set<String> OLE2 = Set.of("application/x-tika-msoffice", "application/msword");
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final List<String> SCREENSHOT_SOFTWARE = List.of("screenshot", "screen shot", "snip", "greenshot",
            "lightshot", "sharex", "spectacle", "flameshot", "grab", "snagit", "capture");
    private static final Set<String> SCREEN_SIZES = Set.of("1920x1080", "1366x768", "1440x900", "1536x864",
            "2560x1440", "1280x720", "1280x800", "1600x900", "1680x1050", "2880x1800", "3840x2160", "2560x1600",
            "3024x1964", "1170x2532", "1179x2556", "1284x2778", "1290x2796", "1125x2436", "828x1792", "750x1334",
            "1080x1920", "1080x2400", "1080x2340", "1440x3200");

    private final Tika tika = new Tika();
    private final long maxBytes;
    private final long maxPixels;
    private final PdfInspection pdfs;
    private final OfficeInspection office;

    /**
     * @param maxBytes the largest file accepted
     * @param maxPixels the most pixels an image may claim
     * @param maxZipEntries the most entries a DOCX may have
     * @param maxZipInflatedBytes the most a DOCX may inflate to, all entries together
     * @param maxZipRatio the highest compression ratio of one large entry
     */
    public FileInspection(long maxBytes, long maxPixels, int maxZipEntries, long maxZipInflatedBytes, int maxZipRatio) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.pdfs = new PdfInspection(Math.max(64L * 1024 * 1024, maxBytes * 8));
        this.office = new OfficeInspection(maxZipEntries, maxZipInflatedBytes, maxZipRatio);
    }

    /**
     * How many files are inspected at once, across all upload routes: a file may take seconds of parsing, and it is
     * inspected inside the upload's transaction (holding a database connection and the case's lock), so a flood of
     * slow files through one upload link must not take every connection. A file that finds no slot within
     * {@link #slotWait} is refused as busy (503) with nothing stored.
     */
    final Semaphore slots = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    Duration slotWait = Duration.ofSeconds(5);

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Inspects a file.
     *
     * @throws InvalidInputException when the file name is not a plain name (field {@code file})
     * @throws DocumentRefusedException when it may not be stored
     */
    public InspectedFile inspect(String fileName, byte[] bytes) {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new DocumentRefusedException(DocumentRefusedException.Reason.BUSY, "Too many documents are being "
                    + "checked at this moment; nothing was stored. Please try again in a minute.");
        }
        try {
            return inspectNow(fileName, bytes);
        } finally {
            slots.release();
        }
    }

    private InspectedFile inspectNow(String fileName, byte[] bytes) {
        String name = plainFileName(fileName);
        if (bytes == null || bytes.length == 0) {
            throw new DocumentRefusedException(INVALID, "The file is empty");
        }
        if (bytes.length > maxBytes) {
            throw new DocumentRefusedException(TOO_LARGE, "The file has " + bytes.length
                    + " bytes; at most " + maxBytes + " are accepted");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String expected = EXTENSIONS.get(extension);
        if (expected == null) {
            throw new DocumentRefusedException(UNSUPPORTED,
                    "Only JPG, PNG, PDF, DOC and DOCX files are accepted (this one ends in '." + extension + "')");
        }
        String detected = tika.detect(bytes);
        return switch (expected) {
            case "image/jpeg", "image/png" -> image(name, bytes, expected, detected);
            case "application/pdf" -> pdf(name, bytes, detected);
            case "application/msword" -> doc(name, bytes, detected);
            default -> docx(name, bytes, detected);
        };
    }

    /**
     * A client's file name, accepted only as a plain name: never a path, no control characters (C0, DEL, C1, line
     * and paragraph separators), no invisible or direction-changing characters, no broken UTF-16. Checked before
     * anything is trimmed, so that a trailing line break is refused rather than cut.
     *
     * @throws InvalidInputException naming the field {@code file} (400)
     */
    public static String plainFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw badName("is required");
        }
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c == 0) {
                throw badName("contains a NUL character");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw badName("contains a control character (U+%04X)".formatted((int) c));
            }
            if (Text.isInvisible(c)) {
                throw badName("contains an invisible or direction-changing character (U+%04X)".formatted((int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < fileName.length()
                    && Character.isLowSurrogate(fileName.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw badName("contains a character that is not text (U+%04X)".formatted((int) c));
            }
        }
        String name = fileName.strip();
        if (name.length() > 200) {
            throw badName("is longer than 200 characters");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.contains("..")) {
            throw badName("must be a plain name, not a path");
        }
        return name;
    }

    private static InvalidInputException badName(String problem) {
        return new InvalidInputException("file", "name " + problem);
    }

    static String label(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "application/pdf" -> "PDF";
            case "application/msword" -> "DOC";
            default -> "DOCX";
        };
    }

    private static DocumentRefusedException mismatch(String name, String detected) {
        return new DocumentRefusedException(UNSUPPORTED, "The content of '" + name + "' is " + detected
                + ", which does not match its extension");
    }

    private InspectedFile image(String name, byte[] bytes, String expected, String detected) {
        if (!expected.equals(detected)) {
            throw mismatch(name, detected);
        }
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentRefusedException(UNSUPPORTED, "The image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException refused) {
                throw refused;
            }
            throw new DocumentRefusedException(UNSUPPORTED, "The image header cannot be read");
        }
        if (width <= 0 || height <= 0 || (long) width * height > maxPixels || width > 50_000 || height > 50_000) {
            throw new DocumentRefusedException(UNSUPPORTED, "The image claims " + width + "×" + height
                    + " pixels; at most " + maxPixels + " pixels are accepted");
        }
        List<String> hints = new ArrayList<>();
        if (SCREEN_SIZES.contains(width + "x" + height)) {
            hints.add("its size " + width + "×" + height + " is a common screen size");
        }
        String software = "image/png".equals(expected) ? pngText(bytes, "Software") : jpegSoftware(bytes);
        if (software != null) {
            String lower = software.toLowerCase(Locale.ROOT);
            if (SCREENSHOT_SOFTWARE.stream().anyMatch(lower::contains)) {
                hints.add("it was made with '" + software + "'");
            }
        }
        return new InspectedFile(expected, name, bytes.length, width, height, List.of(), hints);
    }

    private InspectedFile pdf(String name, byte[] bytes, String detected) {
        if (!"application/pdf".equals(detected)) {
            throw mismatch(name, detected);
        }
        PdfInspection.Findings findings = pdfs.inspect(bytes);
        return new InspectedFile("application/pdf", name, bytes.length, 0, 0, findings.signatures(), List.of(),
                findings.links());
    }

    private InspectedFile doc(String name, byte[] bytes, String detected) {
        if (!OLE2.contains(detected)) {
            throw mismatch(name, detected);
        }
        try {
            new LegacyWordInspection().inspect(bytes);
        } catch (OfficeInspection.NotWord e) {
            throw mismatch(name, "a compound file that is not a Word document");
        }
        return new InspectedFile("application/msword", name, bytes.length, 0, 0, List.of(), List.of());
    }

    private InspectedFile docx(String name, byte[] bytes, String detected) {
        if (!ZIP.contains(detected)) {
            throw mismatch(name, detected);
        }
        OfficeInspection.Findings findings;
        try {
            findings = office.inspect(bytes);
        } catch (OfficeInspection.NotWord e) {
            throw mismatch(name, "a ZIP archive that is not a Word document");
        }
        return new InspectedFile(EXTENSIONS.get("docx"), name, bytes.length, 0, 0, List.of(), List.of(),
                findings.links());
    }

    /** The value of a PNG tEXt chunk, read without decoding the image. */
    static String pngText(byte[] png, String keyword) {
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = ((png[pos] & 0xff) << 24) | ((png[pos + 1] & 0xff) << 16) | ((png[pos + 2] & 0xff) << 8)
                    | (png[pos + 3] & 0xff);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length < 0 || pos + 12L + length > png.length) {
                return null;
            }
            if ("tEXt".equals(type)) {
                String text = new String(png, pos + 8, length, StandardCharsets.ISO_8859_1);
                int zero = text.indexOf('\0');
                if (zero > 0 && text.substring(0, zero).equalsIgnoreCase(keyword)) {
                    return text.substring(zero + 1);
                }
            }
            if ("IEND".equals(type)) {
                return null;
            }
            pos += 12 + length;
        }
        return null;
    }

    /** A JPEG's EXIF software tag, found by its text in the first 64 KiB (enough for a heuristic). */
    static String jpegSoftware(byte[] jpeg) {
        String head = new String(jpeg, 0, Math.min(jpeg.length, 65_536), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (String marker : SCREENSHOT_SOFTWARE) {
            if (head.contains(marker)) {
                return marker;
            }
        }
        return null;
    }
}
