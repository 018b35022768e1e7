package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.INVALID;
import static dev.attest.documents.DocumentRefusedException.Reason.TOO_LARGE;
import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.tika.Tika;

/**
 * Decides whether an uploaded file may be stored, from its bytes alone: the type is detected (Apache Tika),
 * must be JPEG, PNG, PDF, DOC or DOCX and agree with the file's extension; active or hostile content is
 * refused (PDF JavaScript, launch actions, open actions other than going to a page, embedded files;
 * Word macros; ZIP containers whose entries are too many or would inflate too far, checked from the
 * central directory before anything is inflated; images whose header claims absurd dimensions).
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
    private static final Set<String> PDF_ACTIVE_KEYS = Set.of("JS", "JavaScript", "EmbeddedFiles", "EmbeddedFile",
            "RichMedia", "Launch");
    private static final Set<String> PDF_ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "Rendition",
            "RichMediaExecute");
    private static final List<String> SCREENSHOT_SOFTWARE = List.of("screenshot", "screen shot", "snip", "greenshot",
            "lightshot", "sharex", "spectacle", "flameshot", "grab", "snagit", "capture");
    private static final Set<String> SCREEN_SIZES = Set.of("1920x1080", "1366x768", "1440x900", "1536x864",
            "2560x1440", "1280x720", "1280x800", "1600x900", "1680x1050", "2880x1800", "3840x2160", "2560x1600",
            "3024x1964", "1170x2532", "1179x2556", "1284x2778", "1290x2796", "1125x2436", "828x1792", "750x1334",
            "1080x1920", "1080x2400", "1080x2340", "1440x3200");
    private static final int MAX_PDF_OBJECTS = 500_000;

    private final Tika tika = new Tika();
    private final long maxBytes;
    private final long maxPixels;
    private final int maxZipEntries;
    private final long maxZipInflatedBytes;
    private final int maxZipRatio;

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
        this.maxZipEntries = maxZipEntries;
        this.maxZipInflatedBytes = maxZipInflatedBytes;
        this.maxZipRatio = maxZipRatio;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Inspects a file.
     *
     * @throws DocumentRefusedException when it may not be stored
     */
    public InspectedFile inspect(String fileName, byte[] bytes) {
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

    /** A client's file name, accepted only as a plain name: never a path. */
    public static String plainFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new DocumentRefusedException(INVALID, "The file needs a name");
        }
        String name = fileName.strip();
        if (name.length() > 200) {
            throw new DocumentRefusedException(INVALID, "The file name is longer than 200 characters");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..") || name.contains("..")) {
            throw new DocumentRefusedException(INVALID, "The file name must be a plain name, not a path");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || dev.attest.validation.Text.isInvisible(c)) {
                throw new DocumentRefusedException(INVALID, "The file name contains control or invisible characters");
            }
        }
        return name;
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
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String active = activeContent(document.getDocument().getTrailer());
            if (active != null) {
                throw new DocumentRefusedException(UNSUPPORTED, "The PDF carries active content (" + active
                        + "); print it to a plain PDF and upload that");
            }
            List<String> signatures = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                signatures.add(signature.getName() == null ? "unnamed signer" : signature.getName());
            }
            return new InspectedFile("application/pdf", name, bytes.length, 0, 0, signatures, List.of());
        } catch (InvalidPasswordException e) {
            throw new DocumentRefusedException(UNSUPPORTED, "The PDF is password-protected");
        } catch (IOException e) {
            throw new DocumentRefusedException(UNSUPPORTED, "The PDF cannot be read: " + e.getMessage());
        }
    }

    /** Walks every object reachable from the trailer; names the first active content found. */
    private static String activeContent(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<COSBase> todo = new ArrayList<>();
        todo.add(trailer);
        while (!todo.isEmpty()) {
            COSBase node = todo.remove(todo.size() - 1);
            if (node instanceof COSObject reference) {
                node = reference.getObject();
            }
            if (node == null || !seen.add(node)) {
                continue;
            }
            if (seen.size() > MAX_PDF_OBJECTS) {
                return "too many objects";
            }
            if (node instanceof COSDictionary dict) {
                for (COSName key : dict.keySet()) {
                    if (PDF_ACTIVE_KEYS.contains(key.getName())) {
                        return key.getName();
                    }
                }
                COSName action = dict.getCOSName(COSName.S);
                if (action != null && PDF_ACTIVE_ACTIONS.contains(action.getName())) {
                    return action.getName() + " action";
                }
                COSBase open = dict.getDictionaryObject(COSName.OPEN_ACTION);
                if (open instanceof COSDictionary openAction && !COSName.getPDFName("GoTo").equals(openAction.getCOSName(COSName.S))) {
                    return "OpenAction";
                }
                todo.addAll(dict.getValues());
            } else if (node instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    todo.add(array.get(i));
                }
            }
        }
        return null;
    }

    private InspectedFile doc(String name, byte[] bytes, String detected) {
        if (!OLE2.contains(detected)) {
            throw mismatch(name, detected);
        }
        if (containsUtf16(bytes, "_VBA_PROJECT") || containsUtf16(bytes, "Macros")) {
            throw new DocumentRefusedException(UNSUPPORTED, "The Word document contains macros");
        }
        return new InspectedFile("application/msword", name, bytes.length, 0, 0, List.of(), List.of());
    }

    private InspectedFile docx(String name, byte[] bytes, String detected) {
        if (!ZIP.contains(detected)) {
            throw mismatch(name, detected);
        }
        boolean contentTypes = false;
        boolean body = false;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            long inflated = 0;
            int count = 0;
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            for (ZipArchiveEntry entry : entries) {
                if (++count > maxZipEntries) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The archive has more than " + maxZipEntries
                            + " entries");
                }
                long size = entry.getSize();
                long packed = Math.max(1, entry.getCompressedSize());
                if (size < 0) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The archive hides the size of '" + entry.getName() + "'");
                }
                inflated += size;
                if (inflated > maxZipInflatedBytes) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The archive would inflate to more than "
                            + maxZipInflatedBytes + " bytes");
                }
                if (size > 1_000_000 && size / packed > maxZipRatio) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The entry '" + entry.getName()
                            + "' is compressed " + (size / packed) + " to 1, more than " + maxZipRatio);
                }
                String entryName = entry.getName().toLowerCase(Locale.ROOT);
                if (entryName.endsWith("vbaproject.bin") || entryName.endsWith("vbadata.xml")) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The Word document contains macros");
                }
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                body |= entry.getName().equals("word/document.xml");
            }
            if (!contentTypes || !body) {
                throw mismatch(name, "a ZIP archive that is not a Word document");
            }
            ZipArchiveEntry types = zip.getEntry("[Content_Types].xml");
            try (InputStream in = zip.getInputStream(types)) {
                String xml = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
                if (xml.contains("macroEnabled") || xml.contains("vbaProject")) {
                    throw new DocumentRefusedException(UNSUPPORTED, "The Word document contains macros");
                }
            }
        } catch (IOException e) {
            throw new DocumentRefusedException(UNSUPPORTED, "The DOCX archive cannot be read");
        }
        return new InspectedFile(EXTENSIONS.get("docx"), name, bytes.length, 0, 0, List.of(), List.of());
    }

    private static boolean containsUtf16(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
