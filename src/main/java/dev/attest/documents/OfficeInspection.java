package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The DOCX part of {@link FileInspection}: the package is read as Word reads it. The ZIP's central directory is
 * checked before anything is inflated (entry count, declared sizes, ratios, names); then every entry is read,
 * counting what it really inflates to. Each entry is recognised by its content, not its name or declared type:
 * OLE2 compound files (VBA projects, ActiveX, OLE objects), nested packages and executables are refused
 * wherever they sit (and parts named like VBA or ActiveX parts, even when their content is something else); every XML part is parsed (any encoding, no DOCTYPE) and checked:
 * <ul>
 * <li>relationship parts: only the relationship types of an ordinary document (an allow-list); a target outside
 * the package only for hyperlinks to http, https or mailto (listed on the review);</li>
 * <li>content types: nothing macro, VBA, ActiveX or OLE;</li>
 * <li>fields (simple ones and complex ones, whose instruction is joined across runs): only fields that show
 * something of this document (an allow-list), so DDE, DDEAUTO, INCLUDETEXT, INCLUDEPICTURE, LINK, IMPORT and
 * the rest are refused, and so is a field whose name another field would compute;</li>
 * <li>VML and drawing attributes that load a picture from a path or address outside the package.</li>
 * </ul>
 */
final class OfficeInspection {

    /** What an accepted package holds that a reviewer should see. */
    record Findings(List<String> links) {
    }

    private static final Set<String> ALLOWED_RELATIONSHIPS = Set.of("officeDocument", "core-properties",
            "metadata/core-properties", "extended-properties", "custom-properties", "thumbnail", "metadata/thumbnail",
            "styles", "stylesWithEffects", "settings", "webSettings", "fontTable", "theme", "themeOverride",
            "numbering", "footnotes", "endnotes", "header", "footer", "comments", "commentsExtended", "commentsIds",
            "commentsExtensible", "people", "image", "hyperlink", "glossaryDocument", "customXml", "customXmlProps",
            "font", "diagramData", "diagramLayout", "diagramQuickStyle", "diagramColors", "diagramDrawing",
            "chart", "chartStyle", "chartColorStyle", "bibliography", "keyMapCustomizations", "printerSettings",
            "digital-signature/origin", "digital-signature/signature", "digital-signature/certificate",
            "intelligence", "intelligence2", "documenttasks", "classificationlabels");
    private static final Set<String> ALLOWED_FIELDS = Set.of("=", "ADDRESSBLOCK", "ADVANCE", "AUTHOR", "AUTONUM",
            "AUTONUMLGL", "AUTONUMOUT", "BARCODE", "BIBLIOGRAPHY", "BIDIOUTLINE", "CITATION", "COMMENTS", "COMPARE",
            "CREATEDATE", "DATE", "DISPLAYBARCODE", "DOCPROPERTY", "DOCVARIABLE", "EDITTIME", "EQ", "FILESIZE",
            "FORMCHECKBOX", "FORMDROPDOWN", "FORMTEXT", "GOTOBUTTON", "GREETINGLINE", "HYPERLINK", "IF", "INDEX",
            "INFO", "KEYWORDS", "LASTSAVEDBY", "LISTNUM", "MERGEFIELD", "MERGEREC", "MERGESEQ", "NEXT", "NEXTIF",
            "NOTEREF", "NUMCHARS", "NUMPAGES", "NUMWORDS", "PAGE", "PAGEREF", "PRINTDATE", "QUOTE", "REF", "REVNUM",
            "SAVEDATE", "SECTION", "SECTIONPAGES", "SEQ", "SET", "SHAPE", "SKIPIF", "STYLEREF", "SUBJECT",
            "SYMBOL", "TA", "TC", "TIME", "TITLE", "TOA", "TOC", "USERADDRESS", "USERINITIALS", "USERNAME", "XE");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> PICTURE_SOURCE_ATTRIBUTES = Set.of("href", "src", "link", "dataFile");
    /** How far into a part white space is skipped to tell XML from a picture or font. */
    private static final int XML_WINDOW = 64 * 1024;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private final int maxEntries;
    private final long maxInflated;
    private final int maxRatio;

    OfficeInspection(int maxEntries, long maxInflated, int maxRatio) {
        this.maxEntries = maxEntries;
        this.maxInflated = maxInflated;
        this.maxRatio = maxRatio;
    }

    /**
     * @return what the reviewer should see, or throws
     * @throws DocumentRefusedException with {@code null} message when the archive is not a Word document at all
     */
    Findings inspect(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            checkDirectory(entries);
            Set<String> names = new HashSet<>();
            entries.forEach(e -> names.add(e.getName()));
            if (!names.contains("[Content_Types].xml") || !names.contains("word/document.xml")) {
                throw new NotWord();
            }
            Budget budget = new Budget(maxInflated);
            Set<String> links = new LinkedHashSet<>();
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw refused("has an entry that cannot be read ('" + PdfInspection.shorten(entry.getName())
                            + "', encrypted or an unknown compression)");
                }
                try (BufferedInputStream in = new BufferedInputStream(budget.count(zip.getInputStream(entry)))) {
                    inspectPart(entry.getName(), in, links);
                    in.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            return new Findings(List.copyOf(links));
        } catch (IOException e) {
            throw new DocumentRefusedException(UNSUPPORTED, "The DOCX archive cannot be read");
        }
    }

    /** The archive is not a Word document (the caller names the mismatch). */
    static final class NotWord extends RuntimeException {
        NotWord() {
            super(null, null, false, false);
        }
    }

    private void checkDirectory(List<ZipArchiveEntry> entries) {
        if (entries.size() > maxEntries) {
            throw new DocumentRefusedException(UNSUPPORTED, "The archive has more than " + maxEntries + " entries");
        }
        long inflated = 0;
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            long size = entry.getSize();
            long packed = Math.max(1, entry.getCompressedSize());
            if (size < 0) {
                throw new DocumentRefusedException(UNSUPPORTED, "The archive hides the size of '"
                        + PdfInspection.shorten(name) + "'");
            }
            inflated += size;
            if (inflated > maxInflated) {
                throw new DocumentRefusedException(UNSUPPORTED, "The archive would inflate to more than "
                        + maxInflated + " bytes");
            }
            if (size > 1_000_000 && size / packed > maxRatio) {
                throw new DocumentRefusedException(UNSUPPORTED, "The entry '" + PdfInspection.shorten(name)
                        + "' is compressed " + (size / packed) + " to 1, more than " + maxRatio);
            }
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                    || ("/" + name + "/").contains("/../") || ("/" + name + "/").contains("/./")
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw refused("has an entry named '" + PdfInspection.shorten(name) + "', which is not a plain part name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("vbaproject") || lower.contains("vbadata")) {
                throw refused("contains macros ('" + PdfInspection.shorten(name) + "')");
            }
            if (lower.contains("activex")) {
                throw refused("contains an ActiveX control ('" + PdfInspection.shorten(name) + "')");
            }
            if (!seen.add(lower)) {
                throw refused("has the entry '" + PdfInspection.shorten(name) + "' twice");
            }
        }
    }

    static DocumentRefusedException refused(String what) {
        return new DocumentRefusedException(UNSUPPORTED, "The Word document " + what
                + "; save it as PDF and upload that");
    }

    private void inspectPart(String name, BufferedInputStream in, Set<String> links) throws IOException {
        in.mark(XML_WINDOW + 1);
        byte[] head = in.readNBytes(XML_WINDOW);
        in.reset();
        String part = PdfInspection.shorten(name);
        if (startsWith(head, OLE2)) {
            throw refused("contains an OLE2 compound file at '" + part
                    + "' (a VBA macro project, an ActiveX control or an embedded object)");
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            throw refused("contains another archive or package at '" + part + "'");
        }
        if (startsWith(head, new byte[] {'M', 'Z'}) || startsWith(head, new byte[] {0x7f, 'E', 'L', 'F'})
                || startsWith(head, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})
                || startsWith(head, new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE})) {
            throw refused("contains a program at '" + part + "'");
        }
        boolean rels = name.toLowerCase(Locale.ROOT).endsWith(".rels");
        if (looksLikeXml(head) || rels || name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            new XmlPart(part, links).read(in, rels);
        }
    }

    /**
     * Whether a part is XML that Word would parse, whatever its name: after a byte-order mark, any amount of white
     * space (an XML document without a declaration may start with it) and the zero bytes of UTF-16 or UTF-32, the
     * first character is {@code <}; a part that is white space as far as we look is parsed too (and refused when it
     * is not XML). Pictures, fonts and printer settings start otherwise.
     */
    static boolean looksLikeXml(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        } else if (head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) {
            return true;
        } else if (head.length >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xff) == 0xFE
                && (head[3] & 0xff) == 0xFF) {
            return true;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'
                || head[i] == 0)) {
            i++;
        }
        return i == head.length || head[i] == '<';
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a field unless its name is one of the fields that only show something of the document itself.
     *
     * @param instruction the field's instruction, e.g. {@code PAGE \\* MERGEFORMAT}
     * @param where the part or stream it was found in
     * @return the web or mail address of a HYPERLINK field (for the review), else {@code null}
     */
    static String checkField(String instruction, String where) {
        String keyword = keyword(instruction);
        if (!ALLOWED_FIELDS.contains(keyword)) {
            throw refused((keyword.startsWith("DDE") ? "runs a DDE command" : keyword.startsWith("INCLUDE")
                    || "LINK".equals(keyword) || "IMPORT".equals(keyword) ? "loads content from outside the document"
                    : "has a field that is not allowed") + " (field " + (keyword.isEmpty() ? "without a name"
                    : "'" + PdfInspection.shorten(keyword) + "'") + " in " + where + ")");
        }
        if ("HYPERLINK".equals(keyword)) {
            return hyperlinkTarget(instruction, where);
        }
        return null;
    }

    /**
     * The target of a HYPERLINK field, held to the rule of hyperlink relationships: a web or mail address (listed
     * on the review), or none (a bookmark through {@code \\l}); a file share, a {@code file:} address or a path
     * next to the document is refused, as Word would open it (and send the user's credentials) on a click.
     *
     * @return the web or mail address, or {@code null} when the field links inside the document
     */
    private static String hyperlinkTarget(String instruction, String where) {
        List<FieldToken> tokens = fieldTokens(instruction);
        for (int i = 1; i < tokens.size(); i++) {
            FieldToken token = tokens.get(i);
            if (token.isSwitch()) {
                if ("lot*#@".indexOf(Character.toLowerCase(token.text().charAt(1))) >= 0) {
                    i++;
                }
                continue;
            }
            String target = token.text().strip();
            if (target.isEmpty() || target.startsWith("#")) {
                return null;
            }
            String scheme = PdfInspection.scheme(target);
            if (scheme == null || !LINK_SCHEMES.contains(scheme)) {
                throw refused("links to '" + PdfInspection.shorten(target) + "', which is not a web or mail address"
                        + " (field 'HYPERLINK' in " + where + ")");
            }
            return target;
        }
        return null;
    }

    /** A word of a field instruction; a switch is an unquoted backslash and one letter or sign. */
    record FieldToken(String text, boolean quoted) {
        boolean isSwitch() {
            return !quoted && text.length() == 2 && text.charAt(0) == '\\' && text.charAt(1) != '\\';
        }
    }

    /**
     * The words of a field instruction as Word splits them: quoted text is one word (a backslash escapes the next
     * character in it), anything else runs to the next white space or quote.
     */
    static List<FieldToken> fieldTokens(String instruction) {
        List<FieldToken> tokens = new ArrayList<>();
        int i = 0;
        int n = instruction.length();
        while (i < n) {
            char c = instruction.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder token = new StringBuilder();
            boolean quoted = c == '"';
            if (quoted) {
                i++;
                while (i < n && instruction.charAt(i) != '"') {
                    if (instruction.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    token.append(instruction.charAt(i++));
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(instruction.charAt(i)) && instruction.charAt(i) != '"') {
                    token.append(instruction.charAt(i++));
                }
            }
            tokens.add(new FieldToken(token.toString(), quoted));
        }
        return tokens;
    }

    /** A field's name: its first word, quotes and case ignored. */
    static String keyword(String instruction) {
        String s = instruction.strip();
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '"' || s.charAt(start) == '\''
                || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        int end = start;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '\\'
                && s.charAt(end) != '"' && s.charAt(end) != '\'') {
            end++;
        }
        String keyword = s.substring(start, end).toUpperCase(Locale.ROOT);
        return keyword.startsWith("=") ? "=" : keyword;
    }

    /** One XML part, read as a stream: relationships, content types, fields and outside picture sources. */
    private static final class XmlPart {

        private final String part;
        private final Set<String> links;
        private final Deque<Field> fields = new ArrayDeque<>();

        private static final class Field {
            final StringBuilder instruction = new StringBuilder();
            boolean checked;
        }

        XmlPart(String part, Set<String> links) {
            this.part = part;
            this.links = links;
        }

        void read(InputStream in, boolean mustBeRelationships) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            XMLStreamReader xml = null;
            try {
                xml = factory.createXMLStreamReader(new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // the entry is drained and closed by the caller, so that all of it is counted
                    }
                });
                boolean root = true;
                StringBuilder instrText = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw refused("declares a DOCTYPE in '" + part + "'");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String element = xml.getLocalName();
                        if (root) {
                            root(element, mustBeRelationships);
                            root = false;
                        }
                        switch (element) {
                            case "Relationship" -> relationship(xml);
                            case "Default", "Override" -> contentType(xml);
                            case "fldSimple" -> field(attribute(xml, "instr"));
                            case "fldChar" -> fieldChar(attribute(xml, "fldCharType"));
                            case "instrText" -> instrText = new StringBuilder();
                            default -> { }
                        }
                        pictureSources(xml, element);
                    } else if (instrText != null && (event == XMLStreamConstants.CHARACTERS
                            || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                        instrText.append(xml.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT && "instrText".equals(xml.getLocalName())
                            && instrText != null) {
                        if (fields.isEmpty()) {
                            field(instrText.toString());
                        } else {
                            fields.peek().instruction.append(instrText);
                        }
                        instrText = null;
                    }
                }
                if (root && mustBeRelationships) {
                    throw refused("has a relationship part '" + part + "' that is not XML");
                }
                fields.forEach(this::check);
            } catch (XMLStreamException e) {
                throw refused("has a part that is not well-formed XML ('" + part + "')");
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException ignored) {
                        // closing a reader of an in-memory stream
                    }
                }
            }
        }

        private void root(String element, boolean mustBeRelationships) {
            if (mustBeRelationships && !"Relationships".equals(element)) {
                throw refused("has a relationship part '" + part + "' that holds '" + element + "'");
            }
            switch (element) {
                case "vbaSuppData", "vbaData" -> throw refused("contains macro data ('" + part + "')");
                case "ocx" -> throw refused("contains an ActiveX control ('" + part + "')");
                case "customUI" -> throw refused("contains a custom ribbon that can call macros ('" + part + "')");
                default -> { }
            }
        }

        private void relationship(XMLStreamReader xml) {
            String type = strip(attribute(xml, "Type"));
            String target = strip(attribute(xml, "Target"));
            String mode = strip(attribute(xml, "TargetMode"));
            String kind = type.contains("/relationships/") ? type.substring(type.indexOf("/relationships/") + 15)
                    : type.substring(type.lastIndexOf('/') + 1);
            boolean external = !mode.isEmpty() && !"Internal".equalsIgnoreCase(mode);
            boolean absolute = target.startsWith("\\\\") || target.startsWith("//")
                    || PdfInspection.scheme(target) != null && PdfInspection.scheme(target).length() > 1;
            if ("hyperlink".equals(kind)) {
                if (external || absolute) {
                    String scheme = PdfInspection.scheme(target);
                    if (scheme == null || !LINK_SCHEMES.contains(scheme)) {
                        throw refused("links to '" + PdfInspection.shorten(target) + "', which is not a web or mail "
                                + "address (" + part + ")");
                    }
                    links.add(target);
                }
                return;
            }
            if (external || absolute) {
                throw refused("loads '" + PdfInspection.shorten(target) + "' from outside the document ("
                        + PdfInspection.shorten(kind) + " relationship in " + part + ")");
            }
            if (!ALLOWED_RELATIONSHIPS.contains(kind)) {
                throw refused("has a part of type '" + PdfInspection.shorten(kind) + "', which is not allowed ("
                        + part + ")");
            }
        }

        private void contentType(XMLStreamReader xml) {
            String type = attribute(xml, "ContentType").toLowerCase(Locale.ROOT);
            for (String active : List.of("vba", "activex", "oleobject", "macro")) {
                if (type.contains(active)) {
                    throw refused("declares " + (active.equals("activex") ? "an ActiveX control"
                            : active.equals("oleobject") ? "an embedded object" : "macros") + " ('"
                            + PdfInspection.shorten(type) + "' in " + part + ")");
                }
            }
        }

        private void fieldChar(String type) {
            switch (type.strip()) {
                case "begin" -> {
                    Field outer = fields.peek();
                    if (outer != null && !outer.checked && outer.instruction.toString().isBlank()) {
                        throw refused("has a field whose name another field computes (" + part + ")");
                    }
                    fields.push(new Field());
                }
                case "separate" -> {
                    if (!fields.isEmpty()) {
                        check(fields.peek());
                    }
                }
                case "end" -> {
                    if (!fields.isEmpty()) {
                        check(fields.pop());
                    }
                }
                default -> { }
            }
        }

        private void check(Field field) {
            if (!field.checked) {
                field.checked = true;
                field(field.instruction.toString());
            }
        }

        private void field(String instruction) {
            String link = checkField(instruction, part);
            if (link != null) {
                links.add(link);
            }
        }

        private void pictureSources(XMLStreamReader xml, String element) {
            if ("Relationship".equals(element)) {
                return;
            }
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String namespace = xml.getAttributeNamespace(i);
                if (PICTURE_SOURCE_ATTRIBUTES.contains(xml.getAttributeLocalName(i))
                        && (namespace == null || !namespace.endsWith("/relationships"))) {
                    String value = strip(xml.getAttributeValue(i));
                    String scheme = PdfInspection.scheme(value);
                    if (value.startsWith("\\\\") || value.startsWith("//") || scheme != null && scheme.length() > 1) {
                        throw refused("loads '" + PdfInspection.shorten(value) + "' from outside the document ("
                                + element + " in " + part + ")");
                    }
                }
            }
        }

        private static String attribute(XMLStreamReader xml, String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (localName.equals(xml.getAttributeLocalName(i))) {
                    return xml.getAttributeValue(i);
                }
            }
            return "";
        }

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** Counts what all entries together really inflate to (a local header may lie about sizes). */
    private static final class Budget {
        private long left;

        Budget(long max) {
            this.left = max;
        }

        InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        spend(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        spend(n);
                    }
                    return n;
                }
            };
        }

        private void spend(long bytes) {
            left -= bytes;
            if (left < 0) {
                throw new DocumentRefusedException(UNSUPPORTED, "The archive inflates to more than its limit");
            }
        }
    }

    /** Discards what is left of an entry, so that its inflated size is counted too. */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
