package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.INVALID;
import static dev.attest.documents.DocumentRefusedException.Reason.TOO_LARGE;
import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What may be stored, decided from the bytes: every refusal category of the document-check issue. */
class FileInspectionTests {

    static final long MAX = 10L * 1024 * 1024;
    final FileInspection inspection = new FileInspection(MAX, 100_000_000, 2000, 200L * 1024 * 1024, 100);

    @Test
    void acceptsTheFiveTypesWhenContentAndExtensionAgree() {
        assertThat(inspection.inspect("id.png", TestFiles.png(800, 500)).mediaType()).isEqualTo("image/png");
        assertThat(inspection.inspect("id.JPG", TestFiles.jpeg(800, 500)).mediaType()).isEqualTo("image/jpeg");
        assertThat(inspection.inspect("id.jpeg", TestFiles.jpeg(80, 50)).width()).isEqualTo(80);
        assertThat(inspection.inspect("bill.pdf", TestFiles.pdf()).mediaType()).isEqualTo("application/pdf");
        assertThat(inspection.inspect("letter.docx", TestFiles.docx(false)).label()).isEqualTo("DOCX");
        assertThat(inspection.inspect("letter.doc", TestFiles.doc(false)).label()).isEqualTo("DOC");
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
                Arguments.of("a pixel-flood PNG", "id.png", TestFiles.pixelFloodPng(100_000, 100_000), UNSUPPORTED),
                Arguments.of("a GIF", "id.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, UNSUPPORTED),
                Arguments.of("a file without extension", "passport", TestFiles.png(10, 10), UNSUPPORTED),
                Arguments.of("an empty file", "id.png", new byte[0], INVALID),
                Arguments.of("one byte over the limit", "big.pdf", new byte[(int) MAX + 1], TOO_LARGE),
                Arguments.of("a traversal file name", "../../etc/passwd.pdf", TestFiles.pdf(), INVALID),
                Arguments.of("a Windows path", "C:\\Users\\x\\id.png", TestFiles.png(10, 10), INVALID),
                Arguments.of("a name with a control character", "id\u0000.png", TestFiles.png(10, 10), INVALID),
                Arguments.of("a name with a right-to-left override", "gpj\u202E.exe.png", TestFiles.png(10, 10), INVALID));
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
                .hasMessageContaining("active content");
        assertThatThrownBy(() -> inspection.inspect("chart.docx", TestFiles.zipBomb(120)))
                .hasMessageContaining("compressed");
        assertThatThrownBy(() -> inspection.inspect("id.png", TestFiles.pixelFloodPng(100_000, 100_000)))
                .hasMessageContaining("100000×100000");
    }
}
