package dev.attest.designer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Compares two versions of a BPMN or DMN model element by element: every element with an id outside the diagram
 * interchange (shapes, edges, bounds) is matched by id; its attributes and the content it owns without an id of
 * its own (extension elements, conditions, timer definitions, table cells) are compared.
 */
public final class ModelDiff {

    private static final List<String> DIAGRAM_NAMESPACES = List.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DI/",
            "http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DMNDI/");

    private ModelDiff() {
    }

    private record Item(String type, String name, Map<String, String> attributes, String content) {
    }

    /** The changes that turn {@code before} into {@code after}. Both must be well-formed XML without a DOCTYPE. */
    public static ModelChanges compare(String before, String after) {
        Map<String, Item> old = index(before);
        Map<String, Item> now = index(after);
        List<ModelChanges.Change> added = new ArrayList<>();
        List<ModelChanges.Change> removed = new ArrayList<>();
        List<ModelChanges.Change> changed = new ArrayList<>();
        now.forEach((id, item) -> {
            Item was = old.get(id);
            if (was == null) {
                added.add(new ModelChanges.Change(id, item.type, item.name, null));
            } else {
                String detail = difference(was, item);
                if (detail != null) {
                    changed.add(new ModelChanges.Change(id, item.type, item.name, detail));
                }
            }
        });
        old.forEach((id, item) -> {
            if (!now.containsKey(id)) {
                removed.add(new ModelChanges.Change(id, item.type, item.name, null));
            }
        });
        return new ModelChanges(added, removed, changed);
    }

    private static String difference(Item was, Item now) {
        List<String> parts = new ArrayList<>();
        if (!was.type.equals(now.type)) {
            parts.add("type: " + was.type + " → " + now.type);
        }
        TreeMap<String, String> keys = new TreeMap<>();
        was.attributes.keySet().forEach(k -> keys.put(k, k));
        now.attributes.keySet().forEach(k -> keys.put(k, k));
        for (String k : keys.keySet()) {
            String a = was.attributes.get(k);
            String b = now.attributes.get(k);
            if (!Objects.equals(a, b)) {
                parts.add(k + ": " + quote(a) + " → " + quote(b));
            }
        }
        if (!was.content.equals(now.content)) {
            parts.add("content changed (extension elements, conditions, timers or cells)");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
    }

    private static Map<String, Item> index(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, Item> items = new LinkedHashMap<>();
            collect(root, items);
            return items;
        } catch (Exception e) {
            throw new IllegalArgumentException("The model is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void collect(Element element, Map<String, Item> items) {
        if (element.getNamespaceURI() != null && DIAGRAM_NAMESPACES.contains(element.getNamespaceURI())) {
            return;
        }
        String id = element.getAttribute("id");
        if (!id.isEmpty()) {
            Map<String, String> attributes = new TreeMap<>();
            NamedNodeMap attrs = element.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                if (!"id".equals(a.getNodeName()) && !a.getNodeName().startsWith("xmlns")) {
                    attributes.put(a.getNodeName(), a.getNodeValue());
                }
            }
            StringBuilder content = new StringBuilder();
            ownContent(element, content);
            items.put(id, new Item(element.getLocalName(), element.getAttribute("name"), attributes, content.toString()));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, items);
            }
        }
    }

    /** The element's children that have no id of their own (and so are not compared separately). */
    private static void ownContent(Element element, StringBuilder out) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (!e.getAttribute("id").isEmpty() || (e.getNamespaceURI() != null && DIAGRAM_NAMESPACES.contains(e.getNamespaceURI()))
                        || "incoming".equals(e.getLocalName()) || "outgoing".equals(e.getLocalName())) {
                    continue;
                }
                out.append('<').append(e.getLocalName());
                NamedNodeMap attrs = e.getAttributes();
                Map<String, String> sorted = new TreeMap<>();
                for (int i = 0; i < attrs.getLength(); i++) {
                    if (!attrs.item(i).getNodeName().startsWith("xmlns")) {
                        sorted.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
                    }
                }
                sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
                out.append('>');
                ownContent(e, out);
                out.append("</>");
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip();
                if (!text.isEmpty()) {
                    out.append(text);
                }
            }
        }
    }
}
