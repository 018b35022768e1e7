package dev.attest.screening.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.attest.validation.InvalidInputException;

/**
 * Reads a list's XML as a stream (StAX) and hands over one small tree per entry element, so that a list of any
 * length is never held as a document. DOCTYPE declarations (and with them external entities and entity expansion:
 * XXE, "billion laughs") are refused, not resolved; so is any entity reference. A malformed or truncated file is
 * refused naming the line and the element it ends inside.
 */
final class XmlEntries {

    /** One element with its attributes, direct text and children (names without namespace). */
    record Node(String name, Map<String, String> attributes, List<Node> children, String text, int line) {

        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The direct text of a child, or null. */
        String text(String childName) {
            Node c = child(childName);
            return c == null ? null : c.text;
        }

        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }

        /** Every descendant with this name, in document order. */
        List<Node> descendants(String descendantName) {
            List<Node> found = new ArrayList<>();
            collect(this, descendantName, found);
            return found;
        }

        private static void collect(Node node, String name, List<Node> found) {
            for (Node c : node.children) {
                if (c.name.equals(name)) {
                    found.add(c);
                }
                collect(c, name, found);
            }
        }
    }

    /** What the reader reports. */
    interface Handler {
        /** The root element, before anything else; refuse a wrong one here. */
        void root(String name, Map<String, String> attributes);

        /** A collected element, complete. */
        void node(Node node);
    }

    static final int MAX_NODES = 20_000;
    static final int MAX_TEXT = 100_000;
    static final int MAX_DEPTH = 64;
    /** The most text (element text and attribute values) one collected entry may hold in all. */
    static final int MAX_ENTRY_TEXT = 2_000_000;

    private XmlEntries() {
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /**
     * Reads the document, reporting the root and every element named in {@code collect} (not nested in another
     * collected one).
     */
    static void read(InputStream in, String field, String fileName, Set<String> collect, Handler handler) {
        Deque<String> open = new ArrayDeque<>();
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(in);
            Deque<Building> building = new ArrayDeque<>();
            int nodes = 0;
            long entryText = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw ListRefusal.of(field, fileName + " line " + line(r)
                            + ": DOCTYPE declarations are refused (a list file needs none; they can read files on the "
                            + "server or expand without end)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw ListRefusal.of(field, fileName + " line "
                            + line(r) + ": the entity reference &" + r.getLocalName() + "; is refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (open.isEmpty()) {
                            handler.root(name, attributes(r));
                        }
                        open.push(name);
                        if (open.size() > MAX_DEPTH) {
                            throw ListRefusal.of(field, fileName + " line " + line(r) + ": elements nested deeper than "
                                    + MAX_DEPTH);
                        }
                        if (!building.isEmpty() || collect.contains(name)) {
                            if (building.isEmpty()) {
                                nodes = 0;
                                entryText = 0;
                            }
                            if (++nodes > MAX_NODES) {
                                throw ListRefusal.of(field, fileName + " line " + line(r) + ": " + building.getLast().name
                                        + " has more than " + MAX_NODES + " elements");
                            }
                            Map<String, String> attributes = attributes(r);
                            for (String value : attributes.values()) {
                                entryText += value.length();
                            }
                            if (entryText > MAX_ENTRY_TEXT) {
                                throw entryTooLong(field, fileName, r, building.isEmpty() ? name
                                        : building.getLast().name);
                            }
                            building.push(new Building(name, attributes, line(r)));
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!building.isEmpty()) {
                            Building b = building.peek();
                            if (b.text.length() + r.getTextLength() > MAX_TEXT) {
                                throw ListRefusal.of(field, fileName + " line " + line(r) + ": the text of " + b.name
                                        + " is longer than " + MAX_TEXT + " characters");
                            }
                            entryText += r.getTextLength();
                            if (entryText > MAX_ENTRY_TEXT) {
                                throw entryTooLong(field, fileName, r, building.getLast().name);
                            }
                            b.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        open.pop();
                        if (!building.isEmpty()) {
                            Building b = building.pop();
                            Node node = new Node(b.name, b.attributes, List.copyOf(b.children), b.text.toString().strip(),
                                    b.line);
                            if (building.isEmpty()) {
                                handler.node(node);
                            } else {
                                building.peek().children.add(node);
                            }
                        }
                    }
                    default -> {
                        // comments, processing instructions, the document's start and end
                    }
                }
            }
            if (!open.isEmpty()) {
                throw ListRefusal.of(field, "truncated: " + fileName + " ends inside " + open.peek());
            }
        } catch (XMLStreamException e) {
            InvalidInputException inner = refusalIn(e);
            if (inner != null) {
                throw inner;
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (!open.isEmpty() && (lower.contains("must start and end within the same entity")
                    || lower.contains("premature end of file") || lower.contains("unexpected end")
                    || lower.contains("end of file"))) {
                throw ListRefusal.of(field, "truncated: " + fileName + " ends inside " + open.peek()
                        + " (line " + line(e) + ")");
            }
            if (open.isEmpty() && (lower.contains("premature end of file") || lower.contains("end of file"))) {
                throw ListRefusal.of(field, fileName + " is empty or holds no XML document");
            }
            throw ListRefusal.of(field, fileName + " line " + line(e) + ": not well-formed XML"
                    + (open.isEmpty() ? "" : " inside " + open.peek()) + ": " + shortMessage(message));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by its owner
                }
            }
        }
    }

    private static InvalidInputException entryTooLong(String field, String fileName, XMLStreamReader r, String entry) {
        return ListRefusal.of(field, fileName + " line " + line(r) + ": " + entry + " holds more than "
                + MAX_ENTRY_TEXT + " characters of text");
    }

    private static InvalidInputException refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException refused) {
                return refused;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof InvalidInputException refused) {
                return refused;
            }
        }
        return null;
    }

    private static String shortMessage(String message) {
        int at = message.indexOf("Message: ");
        String m = at >= 0 ? message.substring(at + 9) : message;
        return m.length() > 200 ? m.substring(0, 199) + "…" : m;
    }

    private static int line(XMLStreamReader r) {
        return r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
    }

    private static int line(XMLStreamException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        int n = r.getAttributeCount();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < n && i < 200; i++) {
            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return attributes;
    }

    private static final class Building {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Building(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }
    }
}
