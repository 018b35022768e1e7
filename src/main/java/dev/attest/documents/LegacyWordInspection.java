package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The DOC part of {@link FileInspection}: the OLE2 compound file is parsed (Apache POI's POIFS) and must be a Word
 * document (a {@code WordDocument} stream that starts with Word's file information block). Every storage and
 * stream, at any depth, is looked at by its parsed name: macro projects ({@code Macros}, {@code _VBA_PROJECT_CUR},
 * {@code VBA}, {@code PROJECT}), embedded objects ({@code ObjectPool}, OLE native data, packages) and ActiveX
 * controls are refused, and so is any storage at the top other than Word's own custom-XML store. The text (read
 * through the piece table, as Word reads it) is checked for fields as a DOCX's is: DDE, DDEAUTO, INCLUDETEXT,
 * INCLUDEPICTURE and every other field that runs or loads something are refused.
 */
final class LegacyWordInspection {

    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_DEPTH = 32;
    /** The largest WordDocument or table stream read for the text (the upload limit bounds it anyway). */
    private static final int MAX_STREAM = 64 * 1024 * 1024;
    /** Word's file information block starts with this identifier (little-endian 0xA5EC). */
    private static final int WORD_IDENTIFIER = 0xA5EC;
    private static final Map<String, String> ACTIVE = Map.ofEntries(
            Map.entry("macros", "macros"), Map.entry("_vba_project_cur", "macros"), Map.entry("vba", "macros"),
            Map.entry("_vba_project", "macros"), Map.entry("project", "macros"), Map.entry("projectwm", "macros"),
            Map.entry("dir", "macros"), Map.entry("objectpool", "embedded objects"),
            Map.entry("\u0001ole10native", "an embedded object"), Map.entry("\u0001ole", "an embedded object"),
            Map.entry("\u0001compobj", "an embedded object"), Map.entry("objinfo", "an embedded object"),
            Map.entry("package", "an embedded package"),
            Map.entry("\u0003ocxname", "an ActiveX control"), Map.entry("ocxdata", "an ActiveX control"),
            Map.entry("\u0003objinfo", "an ActiveX control"));

    /**
     * @throws OfficeInspection.NotWord when the file is not a Word OLE2 document at all
     */
    void inspect(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryEntry root = fs.getRoot();
            if (!root.hasEntryCaseInsensitive("WordDocument")
                    || !(root.getEntryCaseInsensitive("WordDocument") instanceof DocumentEntry word)
                    || identifier(fs, word) != WORD_IDENTIFIER) {
                throw new OfficeInspection.NotWord();
            }
            record Level(DirectoryEntry directory, int depth) {
            }
            Deque<Level> todo = new ArrayDeque<>();
            todo.push(new Level(root, 0));
            int count = 0;
            while (!todo.isEmpty()) {
                Level level = todo.pop();
                if (level.depth() > MAX_DEPTH) {
                    throw refused("nests storages more than " + MAX_DEPTH + " deep");
                }
                for (Entry entry : level.directory()) {
                    if (++count > MAX_ENTRIES) {
                        throw refused("has more than " + MAX_ENTRIES + " streams");
                    }
                    String what = ACTIVE.get(entry.getName().toLowerCase(Locale.ROOT));
                    boolean top = level.depth() == 0;
                    if (what != null && !(top && "\u0001CompObj".equalsIgnoreCase(entry.getName()))) {
                        throw refused("contains " + what + " ('" + PdfInspection.shorten(entry.getName()) + "')");
                    }
                    if (entry instanceof DirectoryEntry directory) {
                        if (top && !"MsoDataStore".equalsIgnoreCase(directory.getName())) {
                            throw refused("contains an unexpected storage ('"
                                    + PdfInspection.shorten(directory.getName()) + "')");
                        }
                        todo.push(new Level(directory, level.depth() + 1));
                    }
                }
            }
            fields(fs, root, word);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException || e instanceof OfficeInspection.NotWord) {
                throw (RuntimeException) e;
            }
            throw new OfficeInspection.NotWord();
        }
    }

    /**
     * Checks every field of the document's text (all stories: main text, headers and footers, footnotes, comments,
     * text boxes share one character position space) as {@link OfficeInspection#checkField} does for DOCX: the text
     * is read through the piece table (the CLX in the table stream) as Word reads it, and a field is the text
     * between its begin (0x13) and separator (0x14) or end (0x15) marks. A document whose file information block
     * locates no piece table has no text Word would show.
     */
    private static void fields(POIFSFileSystem fs, DirectoryEntry root, DocumentEntry word) throws IOException {
        byte[] main = read(fs, word, MAX_STREAM);
        if (main.length < 64 || u16(main, 0) != WORD_IDENTIFIER) {
            return;
        }
        int csw = u16(main, 32);
        int cslwAt = 34 + csw * 2;
        if (cslwAt + 2 > main.length) {
            return;
        }
        int cslw = u16(main, cslwAt);
        int countAt = cslwAt + 2 + cslw * 4;
        if (countAt + 2 > main.length) {
            return;
        }
        int pairs = u16(main, countAt);
        int clxAt = countAt + 2 + 33 * 8;
        if (pairs < 34 || clxAt + 8 > main.length) {
            return;
        }
        long fcClx = u32(main, clxAt);
        long lcbClx = u32(main, clxAt + 4);
        String tableName = (u16(main, 10) & 0x0200) != 0 ? "1Table" : "0Table";
        if (!root.hasEntry(tableName) || !(root.getEntry(tableName) instanceof DocumentEntry tableEntry)) {
            if (lcbClx == 0) {
                return;
            }
            throw refused("has a piece table but no table stream, so its text cannot be checked");
        }
        byte[] table = read(fs, tableEntry, MAX_STREAM);
        if (lcbClx != 0) {
            if (fcClx + lcbClx > table.length) {
                throw refused("has a piece table outside its table stream, so its text cannot be checked");
            }
            checkFields(text(main, table, (int) fcClx, (int) (fcClx + lcbClx)));
        }
        associatedFiles(main, table, countAt + 2 + 32 * 8);
    }

    /**
     * The files a DOC names in its associated strings (SttbfAssoc): its template (what a DOCX says with an
     * {@code attachedTemplate} relationship), its mail-merge data source and header document. Word opens them when
     * the document opens, so a file share or an address there is refused as in a DOCX.
     */
    private static void associatedFiles(byte[] main, byte[] table, int at) {
        if (at + 8 > main.length) {
            return;
        }
        long fc = u32(main, at);
        long lcb = u32(main, at + 4);
        if (lcb == 0) {
            return;
        }
        if (fc + lcb > table.length || lcb < 6) {
            throw refused("has associated file names outside its table stream, so they cannot be checked");
        }
        int pos = (int) fc;
        int end = (int) (fc + lcb);
        boolean wide = u16(table, pos) == 0xFFFF;
        int count = wide ? u16(table, pos + 2) : u16(table, pos);
        int extra = wide ? u16(table, pos + 4) : u16(table, pos + 2);
        pos += wide ? 6 : 4;
        for (int i = 0; i < count && pos < end; i++) {
            int length = wide ? (pos + 2 <= end ? u16(table, pos) : 0) : table[pos] & 0xff;
            pos += wide ? 2 : 1;
            int bytes = wide ? length * 2 : length;
            if (pos + bytes > end) {
                throw refused("has associated file names that cannot be read");
            }
            String name = new String(table, pos, bytes, wide ? StandardCharsets.UTF_16LE
                    : Charset.forName("windows-1252")).strip();
            pos += bytes + extra;
            if ((i == 1 || i == 8 || i == 9) && remote(name)) {
                throw refused("loads '" + PdfInspection.shorten(name) + "' from outside the document ("
                        + (i == 1 ? "its template" : i == 8 ? "its mail-merge data source" : "its mail-merge header")
                        + ")");
            }
        }
    }

    private static boolean remote(String name) {
        String scheme = PdfInspection.scheme(name);
        return name.startsWith("\\\\") || name.startsWith("//") || scheme != null && scheme.length() > 1;
    }

    /** The document's text, piece by piece (8-bit Windows-1252 or UTF-16LE, as each piece says). */
    private static String text(byte[] main, byte[] table, int at, int end) {
        int pos = at;
        while (pos < end && table[pos] == 0x01) { // Prc: formatting, skipped
            if (pos + 3 > end) {
                throw unreadableText();
            }
            pos += 3 + u16(table, pos + 1);
        }
        if (pos + 5 > end || table[pos] != 0x02) {
            throw unreadableText();
        }
        long lcb = u32(table, pos + 1);
        int plc = pos + 5;
        if (lcb < 4 || plc + lcb > end || (lcb - 4) % 12 != 0) {
            throw unreadableText();
        }
        int pieces = (int) ((lcb - 4) / 12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            long from = u32(table, plc + i * 4);
            long to = u32(table, plc + (i + 1) * 4);
            int pcd = plc + (pieces + 1) * 4 + i * 8;
            long fc = u32(table, pcd + 2);
            long chars = to - from;
            if (chars < 0 || chars > MAX_STREAM) {
                throw unreadableText();
            }
            boolean compressed = (fc & 0x40000000L) != 0;
            long offset = compressed ? (fc & 0x3FFFFFFFL) / 2 : fc & 0x3FFFFFFFL;
            long bytes = compressed ? chars : chars * 2;
            if (offset + bytes > main.length || text.length() + chars > MAX_STREAM) {
                throw unreadableText();
            }
            if (compressed) {
                text.append(new String(main, (int) offset, (int) bytes, Charset.forName("windows-1252")));
            } else {
                text.append(new String(main, (int) offset, (int) bytes, StandardCharsets.UTF_16LE));
            }
        }
        return text.toString();
    }

    /** Each field's instruction, nested ones included, checked as in a DOCX. */
    static void checkFields(String text) {
        Deque<Field> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 0x13 -> {
                    Field outer = open.peek();
                    if (outer != null && !outer.checked && outer.instruction.toString().isBlank()) {
                        throw refused("has a field whose name another field computes");
                    }
                    open.push(new Field());
                }
                case 0x14 -> {
                    if (!open.isEmpty()) {
                        open.peek().check();
                    }
                }
                case 0x15 -> {
                    if (!open.isEmpty()) {
                        open.pop().check();
                    }
                }
                default -> {
                    Field top = open.peek();
                    if (top != null && !top.checked) {
                        top.instruction.append(c);
                    }
                }
            }
        }
        open.forEach(Field::check);
    }

    /** A field being read: its instruction so far, and whether it was checked (at its separator or end). */
    private static final class Field {
        final StringBuilder instruction = new StringBuilder();
        boolean checked;

        void check() {
            if (!checked) {
                checked = true;
                OfficeInspection.checkField(instruction.toString(), "the document's text");
            }
        }
    }

    private static DocumentRefusedException unreadableText() {
        return refused("has a piece table that cannot be read, so its text cannot be checked");
    }

    private static byte[] read(POIFSFileSystem fs, DocumentEntry entry, int max) throws IOException {
        if (entry.getSize() > max) {
            throw refused("has a stream larger than " + max + " bytes");
        }
        try (InputStream in = fs.createDocumentInputStream(entry.getName())) {
            return in.readNBytes(entry.getSize());
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static int identifier(POIFSFileSystem fs, DocumentEntry word) throws IOException {
        if (word.getSize() < 2) {
            return -1;
        }
        try (InputStream in = fs.createDocumentInputStream(word.getName())) {
            byte[] head = in.readNBytes(2);
            return (head[0] & 0xff) | (head[1] & 0xff) << 8;
        }
    }

    private static DocumentRefusedException refused(String what) {
        return new DocumentRefusedException(UNSUPPORTED, "The Word document " + what + "; save it as PDF and "
                + "upload that");
    }
}
