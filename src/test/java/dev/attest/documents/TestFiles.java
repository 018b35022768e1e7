package dev.attest.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Files made by the tests themselves: good ones and every kind of hostile one. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg");
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG with a Software text chunk, as screenshot tools write. */
    public static byte[] pngWithSoftware(int width, int height, String software) {
        byte[] png = png(width, height);
        byte[] text = ("Software\0" + software).getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = chunk("tEXt", text);
        // insert after the IHDR chunk (8 signature + 25 IHDR bytes)
        ByteBuffer out = ByteBuffer.allocate(png.length + chunk.length);
        out.put(png, 0, 33).put(chunk).put(png, 33, png.length - 33);
        return out.array();
    }

    /** A PNG header claiming a huge image: a pixel flood. */
    public static byte[] pixelFloodPng(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] ihdrChunk = chunk("IHDR", ihdr.array());
        byte[] idat = chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        byte[] iend = chunk("IEND", new byte[0]);
        ByteBuffer out = ByteBuffer.allocate(8 + ihdrChunk.length + idat.length + iend.length);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).put(ihdrChunk).put(idat).put(iend);
        return out.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }

    public static byte[] pdf() {
        return pdf(doc -> { });
    }

    public static byte[] pdfWithJavaScript() {
        return pdf(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');")));
    }

    public static byte[] pdfWithLaunchAction() {
        return pdf(doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            doc.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] pdfWithEmbeddedFile() {
        return pdf(doc -> {
            try {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("payload.exe");
                spec.setEmbeddedFile(new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3})));
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("payload.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                doc.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    interface PdfChange {
        void apply(PDDocument doc);
    }

    private static byte[] pdf(PdfChange change) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            change.apply(doc);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Word document (DOCX), optionally with a macro part. */
    public static byte[] docx(boolean withMacro) {
        return zip(out -> {
            entry(out, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".getBytes(StandardCharsets.UTF_8));
            entry(out, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>".getBytes(StandardCharsets.UTF_8));
            entry(out, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            if (withMacro) {
                entry(out, "word/vbaProject.bin", new byte[] {1, 2, 3, 4});
            }
        });
    }

    /** A DOCX-looking archive with one entry of zeros that inflates far beyond its compressed size. */
    public static byte[] zipBomb(int inflatedMegabytes) {
        return zip(out -> {
            entry(out, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
            entry(out, "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
            try {
                out.putNextEntry(new ZipEntry("word/media/zeros.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < inflatedMegabytes; i++) {
                    out.write(zeros);
                }
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A DOCX-looking archive with too many entries. */
    public static byte[] zipWithEntries(int count) {
        return zip(out -> {
            entry(out, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
            entry(out, "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                entry(out, "word/part" + i + ".xml", new byte[] {'x'});
            }
        });
    }

    /** An old Word (OLE2) file, optionally with a VBA project storage name. */
    public static byte[] doc(boolean withMacro) {
        ByteBuffer out = ByteBuffer.allocate(4096);
        out.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        out.position(1024);
        out.put("WordDocument".getBytes(StandardCharsets.UTF_16LE));
        if (withMacro) {
            out.put("_VBA_PROJECT_CUR".getBytes(StandardCharsets.UTF_16LE));
        }
        return out.array();
    }

    public static byte[] windowsExecutable() {
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    interface ZipWriter {
        void write(ZipOutputStream out);
    }

    private static byte[] zip(ZipWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) {
        try {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
