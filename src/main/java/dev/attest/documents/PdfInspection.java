package dev.attest.documents;

import static dev.attest.documents.DocumentRefusedException.Reason.UNSUPPORTED;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * The PDF part of {@link FileInspection}: the document is parsed (PDFBox, in a bounded amount of memory) and
 * every object it holds is visited: what is reachable from the trailer, and every object of the cross-reference
 * table besides (a viewer may read the file differently). Compressed object streams and indirect references
 * are resolved by the parser, so an action cannot hide in one.
 * <p>
 * Wherever an action can be (document {@code OpenAction} and {@code AA}, page and annotation {@code A} and
 * {@code AA}, form fields, bookmarks, {@code Next} chains), only three kinds are allowed: {@code GoTo} inside the
 * document, the four standard {@code Named} page moves, and {@code URI} to http, https or mailto (listed on
 * the review). Everything else is refused naming the action and where it was found, as are JavaScript name
 * trees, embedded files, XFA forms, and media, 3D and attachment annotations. Inspection is bounded: memory (the
 * parser's caches), objects ({@value #MAX_OBJECTS}), pages ({@value #MAX_PAGES}) and time (15 s).
 */
final class PdfInspection {

    /** What an accepted PDF holds that a reviewer should see. */
    record Findings(List<String> links, List<String> signatures) {
    }

    private static final int MAX_OBJECTS = 500_000;
    private static final int MAX_PAGES = 2_000;
    private static final long MAX_INSPECTION_NANOS = 15_000_000_000L;
    private static final Set<String> NAMED_PAGE_MOVES = Set.of("NextPage", "PrevPage", "FirstPage", "LastPage");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    /** Annotations that play, run or carry content instead of marking up a page. */
    private static final Set<String> ACTIVE_ANNOTATIONS = Set.of("FileAttachment", "Screen", "Movie", "Sound",
            "RichMedia", "3D");
    /** Action types no document of a customer needs, whatever key they hang from. */
    private static final Set<String> KNOWN_ACTIONS = Set.of("JavaScript", "Launch", "GoToR", "GoToE", "GoToDp",
            "SubmitForm", "ImportData", "ResetForm", "Rendition", "Sound", "Movie", "RichMediaExecute", "Hide",
            "SetOCGState", "Trans", "GoTo3DView", "Thread", "ECMAScript");
    private static final Map<String, String> ACTION_WORDS = Map.ofEntries(
            Map.entry("JavaScript", "runs JavaScript"), Map.entry("ECMAScript", "runs a script"),
            Map.entry("Launch", "launches a program or file"), Map.entry("GoToR", "opens another file (GoToR)"),
            Map.entry("GoToE", "opens an embedded file (GoToE)"),
            Map.entry("SubmitForm", "submits a form to a server (SubmitForm)"),
            Map.entry("ImportData", "imports data from a file (ImportData)"),
            Map.entry("Rendition", "plays media (Rendition)"), Map.entry("Sound", "plays a sound"),
            Map.entry("Movie", "plays a movie"), Map.entry("RichMediaExecute", "runs rich media (RichMediaExecute)"));

    private final long memoryBudget;

    PdfInspection(long memoryBudget) {
        this.memoryBudget = memoryBudget;
    }

    /**
     * Loads a PDF in at most the memory budget (the parser's caches throw beyond it); no stream of it decodes to more
     * than {@link BoundedPdfDecoding#MAX_DECODED_BYTES}.
     */
    static PDDocument load(byte[] bytes, long memoryBudget) throws IOException {
        BoundedPdfDecoding.install();
        return Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(memoryBudget).streamCache);
    }

    Findings inspect(byte[] bytes) {
        BoundedPdfDecoding.startCounting();
        try (PDDocument document = load(bytes, memoryBudget)) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw refused("has " + document.getNumberOfPages() + " pages; at most " + MAX_PAGES + " are accepted");
            }
            List<String> links = new Walk(document.getDocument()).run();
            if (BoundedPdfDecoding.wasCutOff()) {
                throw refused("has a stream that decodes to more than "
                        + BoundedPdfDecoding.MAX_DECODED_BYTES / (1024 * 1024) + " MiB");
            }
            List<String> signatures = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                signatures.add(signature.getName() == null ? "unnamed signer" : signature.getName());
            }
            return new Findings(links, signatures);
        } catch (InvalidPasswordException e) {
            throw new DocumentRefusedException(UNSUPPORTED, "The PDF is password-protected; upload it without a "
                    + "password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRefusedException refused) {
                throw refused;
            }
            throw new DocumentRefusedException(UNSUPPORTED, "The PDF cannot be read: " + e.getMessage());
        }
    }

    private static DocumentRefusedException refused(String what) {
        return new DocumentRefusedException(UNSUPPORTED, "The PDF " + what + "; print it to a plain PDF and "
                + "upload that");
    }

    /** One visit of every object; remembers how each was first reached, to say where a refusal was found. */
    private static final class Walk {

        private final COSDocument cos;
        private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<COSBase, Step> cameFrom = new IdentityHashMap<>();
        private final Map<COSBase, String> landmarks = new IdentityHashMap<>();
        private final Set<String> links = new LinkedHashSet<>();
        private final long deadline = System.nanoTime() + MAX_INSPECTION_NANOS;

        private record Step(COSBase parent, String key) {
        }

        Walk(COSDocument cos) {
            this.cos = cos;
        }

        List<String> run() {
            COSDictionary trailer = cos.getTrailer();
            COSDictionary catalog = trailer == null ? null : dict(trailer.getDictionaryObject(COSName.ROOT));
            if (catalog == null) {
                throw refused("has no document catalog");
            }
            landmarks.put(catalog, "document");
            markPages(catalog);
            visitFrom(trailer);
            for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
                COSObject object = cos.getObjectFromPool(key);
                if (object != null) {
                    visitFrom(object);
                }
            }
            return List.copyOf(links);
        }

        private void markPages(COSDictionary catalog) {
            COSDictionary pages = dict(catalog.getDictionaryObject(COSName.PAGES));
            if (pages == null) {
                return;
            }
            int[] number = {0};
            Deque<COSDictionary> todo = new ArrayDeque<>();
            todo.push(pages);
            Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            List<COSDictionary> order = new ArrayList<>();
            while (!todo.isEmpty() && visited.size() < MAX_OBJECTS) {
                COSDictionary node = todo.pop();
                if (!visited.add(node)) {
                    continue;
                }
                COSBase kids = node.getDictionaryObject(COSName.KIDS);
                if (kids instanceof COSArray array) {
                    for (int i = array.size() - 1; i >= 0; i--) {
                        COSDictionary kid = dict(array.getObject(i));
                        if (kid != null) {
                            todo.push(kid);
                        }
                    }
                } else {
                    order.add(node);
                }
            }
            for (COSDictionary page : order) {
                landmarks.put(page, "page " + (++number[0]));
            }
        }

        private void visitFrom(COSBase root) {
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                COSBase node = resolve(todo.pop());
                if (node == null || !seen.add(node)) {
                    continue;
                }
                if (seen.size() > MAX_OBJECTS) {
                    throw refused("has more than " + MAX_OBJECTS + " objects");
                }
                if (seen.size() % 1024 == 0 && System.nanoTime() > deadline) {
                    throw refused("is too complex to inspect in time");
                }
                if (node instanceof COSDictionary dict) {
                    check(dict);
                    for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
                        follow(todo, dict, entry.getKey().getName(), entry.getValue());
                    }
                } else if (node instanceof COSArray array) {
                    for (int i = 0; i < array.size(); i++) {
                        follow(todo, array, null, array.get(i));
                    }
                }
            }
        }

        private void follow(Deque<COSBase> todo, COSBase parent, String key, COSBase child) {
            COSBase target = resolve(child);
            if (target != null && !seen.contains(target)) {
                cameFrom.putIfAbsent(target, new Step(parent, key));
                todo.push(target);
            }
        }

        private void check(COSDictionary dict) {
            for (COSName key : dict.keySet()) {
                switch (key.getName()) {
                    case "JavaScript", "JS" -> throw refused("runs JavaScript (" + where(dict) + ")");
                    case "EmbeddedFiles", "EF" -> throw refused("carries an embedded file (" + where(dict) + ")");
                    case "XFA" -> throw refused("has an XFA form, which can run scripts (" + where(dict) + ")");
                    case "RichMediaContent" -> throw refused("carries rich media (" + where(dict) + ")");
                    default -> { }
                }
            }
            COSName type = dict.getCOSName(COSName.TYPE);
            if (type != null && "EmbeddedFile".equals(type.getName())) {
                throw refused("carries an embedded file (" + where(dict) + ")");
            }
            COSName subtype = dict.getCOSName(COSName.SUBTYPE);
            if (subtype != null && ACTIVE_ANNOTATIONS.contains(subtype.getName())
                    && (dict.containsKey(COSName.RECT) || (type != null && "Annot".equals(type.getName())))) {
                throw refused("has a " + subtype.getName() + " annotation (" + where(dict) + ")");
            }
            for (String actionKey : List.of("OpenAction", "A", "Next", "PA")) {
                COSBase value = dict.getDictionaryObject(actionKey);
                if (value instanceof COSDictionary action && action.containsKey(COSName.S)) {
                    action(action, dict, keyWord(actionKey));
                } else if ("Next".equals(actionKey) && value instanceof COSArray chain) {
                    for (int i = 0; i < chain.size(); i++) {
                        if (chain.getObject(i) instanceof COSDictionary action) {
                            action(action, dict, keyWord("Next"));
                        }
                    }
                }
            }
            if (dict.getDictionaryObject(COSName.AA) instanceof COSDictionary additional) {
                for (COSName trigger : additional.keySet()) {
                    if (additional.getDictionaryObject(trigger) instanceof COSDictionary action) {
                        action(action, dict, "additional action " + trigger.getName());
                    }
                }
            }
            COSName s = dict.getCOSName(COSName.S);
            if (s != null && (KNOWN_ACTIONS.contains(s.getName())
                    || (type != null && "Action".equals(type.getName()) && !allowed(dict, s.getName())))) {
                throw refused(describe(s.getName()) + " (" + where(dict) + ")");
            }
        }

        /** An action found where a viewer runs actions: only navigation and listed links pass. */
        private void action(COSDictionary action, COSDictionary holder, String key) {
            COSBase s = action.getDictionaryObject(COSName.S);
            String type = s instanceof COSName name ? name.getName() : String.valueOf(s);
            if (!allowed(action, type)) {
                throw refused(describe(type) + " (" + where(holder) + " " + key + ")");
            }
        }

        private boolean allowed(COSDictionary action, String type) {
            switch (type) {
                case "GoTo" -> {
                    return true;
                }
                case "Named" -> {
                    COSName n = action.getCOSName(COSName.N);
                    return n != null && NAMED_PAGE_MOVES.contains(n.getName());
                }
                case "URI" -> {
                    COSBase uri = action.getDictionaryObject(COSName.URI);
                    if (!(uri instanceof COSString text)) {
                        return false;
                    }
                    String link = text.getString().strip();
                    String scheme = scheme(link);
                    if (scheme == null || !LINK_SCHEMES.contains(scheme)) {
                        throw refused("links to '" + shorten(link) + "', which is not a web or mail address ("
                                + where(action) + ")");
                    }
                    links.add(link);
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        private static String describe(String type) {
            String words = ACTION_WORDS.get(type);
            return words != null ? words : "has a '" + type + "' action, which is not allowed";
        }

        /** Where an object sits, from the nearest page or the document, e.g. "page 2 annotation (Link)". */
        private String where(COSBase node) {
            List<String> path = new ArrayList<>();
            COSBase at = node;
            for (int depth = 0; at != null && depth < 50; depth++) {
                String landmark = landmarks.get(at);
                if (landmark != null) {
                    path.add(landmark);
                    break;
                }
                String label = label(at);
                if (label != null) {
                    path.add(label);
                }
                Step step = cameFrom.get(at);
                if (step == null) {
                    break;
                }
                if (step.key() != null && !"Kids".equals(step.key()) && !"Annots".equals(step.key())
                        && !"Parent".equals(step.key())) {
                    path.add(keyWord(step.key()));
                }
                at = step.parent();
            }
            Collections.reverse(path);
            List<String> compact = new ArrayList<>();
            for (String part : path) {
                if (compact.isEmpty() || !compact.get(compact.size() - 1).equals(part)) {
                    compact.add(part);
                }
            }
            return compact.isEmpty() ? "in the document" : String.join(" ", compact);
        }

        private static String label(COSBase node) {
            if (node instanceof COSDictionary dict) {
                COSName subtype = dict.getCOSName(COSName.SUBTYPE);
                if (dict.containsKey(COSName.RECT) && subtype != null) {
                    return "annotation (" + subtype.getName() + ")";
                }
                if (dict.containsKey(COSName.T) && dict.containsKey(COSName.FT)) {
                    return "form field '" + shorten(dict.getString(COSName.T)) + "'";
                }
                if (dict.containsKey(COSName.TITLE) && (dict.containsKey(COSName.DEST) || dict.containsKey(COSName.A))) {
                    return "bookmark '" + shorten(dict.getString(COSName.TITLE)) + "'";
                }
            }
            return null;
        }

        private static String keyWord(String key) {
            return switch (key) {
                case "OpenAction" -> "OpenAction";
                case "AA" -> "additional actions";
                case "A" -> "action";
                case "Next" -> "next action";
                case "PA" -> "parent action";
                case "Names" -> "name tree";
                case "AcroForm" -> "form";
                case "Outlines", "First", "Last" -> "bookmarks";
                default -> key;
            };
        }

        private static COSBase resolve(COSBase node) {
            return node instanceof COSObject reference ? reference.getObject() : node;
        }

        private static COSDictionary dict(COSBase node) {
            return resolve(node) instanceof COSDictionary d ? d : null;
        }
    }

    static String scheme(String link) {
        try {
            String scheme = URI.create(link.replace(" ", "%20")).getScheme();
            return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
