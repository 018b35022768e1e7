package dev.attest.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A model file read the way the engine's parsers read it: a namespace-aware SAX parse (Camunda's BPMN parser is
 * one; the DMN model API builds its DOM from one) with DOCTYPE declarations refused and nothing loaded from outside.
 * Character and predefined entity references are resolved, CDATA sections are text, comments and processing
 * instructions are dropped, and the pieces of text between them are joined: an element's {@link Element#text()} is
 * exactly the string the engine gets for it.
 */
final class ModelXml {

    /** An attribute: its namespace ("" if none), local name, name as written, and value after parsing. */
    record Attribute(String namespace, String localName, String qualifiedName, String value) {
    }

    /** An element, with the line its start tag ends on. */
    static final class Element {

        final String namespace;
        final String localName;
        final String qualifiedName;
        final List<Attribute> attributes;
        final int line;
        final Element parent;
        final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String namespace, String localName, String qualifiedName, List<Attribute> attributes, int line,
                Element parent) {
            this.namespace = namespace;
            this.localName = localName;
            this.qualifiedName = qualifiedName;
            this.attributes = attributes;
            this.line = line;
            this.parent = parent;
        }

        /** The text directly inside this element (not inside its children), joined. */
        String text() {
            return text.toString();
        }

        String attribute(String name) {
            for (Attribute a : attributes) {
                if (a.namespace().isEmpty() && a.localName().equals(name)) {
                    return a.value();
                }
            }
            return null;
        }

        /**
         * The id of this element or of its nearest ancestor that has one; ids of Camunda extension elements (a form
         * field's, a listener's) are not element ids of the model, so they are skipped.
         */
        String id() {
            for (Element e = this; e != null; e = e.parent) {
                String id = e.namespace.startsWith("http://camunda.org/schema/") ? null : e.attribute("id");
                if (id != null && !id.isBlank()) {
                    return id;
                }
            }
            return null;
        }
    }

    /** The file is not well-formed, or declares a DOCTYPE. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        final int line;
        final boolean doctype;

        Unreadable(String message, int line, boolean doctype) {
            super(message);
            this.line = line;
            this.doctype = doctype;
        }
    }

    /** Deeper than any model needs (Attest's go about ten levels deep); keeps every walk of the tree shallow. */
    static final int MAX_DEPTH = 100;

    private ModelXml() {
    }

    /** The root element of the file. */
    static Element read(byte[] content) throws Unreadable {
        Handler handler = new Handler();
        try {
            parser().parse(new InputSource(new ByteArrayInputStream(content)), handler);
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            boolean doctype = !(e instanceof TooDeep) && message.contains("DOCTYPE");
            throw new Unreadable(e instanceof TooDeep || doctype ? message : "Not well-formed XML: " + message,
                    Math.max(e.getLineNumber(), 0), doctype);
        } catch (SAXException | IOException e) {
            throw new Unreadable("Not well-formed XML: " + e.getMessage(), 0, false);
        }
        if (handler.root == null) {
            throw new Unreadable("Not well-formed XML: no root element", 0, false);
        }
        return handler.root;
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    private static final class TooDeep extends SAXParseException {

        private static final long serialVersionUID = 1L;

        TooDeep(Locator locator) {
            super("Elements are nested deeper than " + MAX_DEPTH + " levels", locator);
        }
    }

    private static final class Handler extends DefaultHandler {

        private final Deque<Element> open = new ArrayDeque<>();
        private Locator locator;
        private Element root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXParseException {
            List<Attribute> list = new ArrayList<>(attributes.getLength());
            for (int i = 0; i < attributes.getLength(); i++) {
                list.add(new Attribute(attributes.getURI(i) == null ? "" : attributes.getURI(i),
                        attributes.getLocalName(i), attributes.getQName(i), attributes.getValue(i)));
            }
            if (open.size() >= MAX_DEPTH) {
                throw new TooDeep(locator);
            }
            Element parent = open.peek();
            Element element = new Element(uri == null ? "" : uri, localName, qName, List.copyOf(list),
                    locator == null ? 0 : locator.getLineNumber(), parent);
            if (parent == null) {
                root = element;
            } else {
                parent.children.add(element);
            }
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }
    }
}
