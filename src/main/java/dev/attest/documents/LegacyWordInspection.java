package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * controls are refused, and so is any storage at the top other than Word's own custom-XML store.
 */
final class LegacyWordInspection {

    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_DEPTH = 32;
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
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException || e instanceof OfficeInspection.NotWord) {
                throw (RuntimeException) e;
            }
            throw new OfficeInspection.NotWord();
        }
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
