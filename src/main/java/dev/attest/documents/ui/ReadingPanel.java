package dev.attest.documents.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison;
import dev.attest.documents.reading.BarcodeReading;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadValue;

/**
 * What Attest read off a document, for its reviewer: the values found with where they came from, the decoded
 * machine-readable zone with each check digit, a licence barcode's fields under their AAMVA names, and the text read
 * with the found values highlighted. Document text is only ever set as text, never as HTML.
 */
class ReadingPanel extends VerticalLayout {

    /** The AAMVA DL/ID data elements a reviewer meets, by their id. */
    static final Map<String, String> AAMVA = new LinkedHashMap<>();

    static {
        String[][] names = {{"DCS", "Family name"}, {"DAC", "First name"}, {"DAD", "Middle name(s)"},
            {"DCT", "Given names"}, {"DAQ", "Customer ID number"}, {"DCF", "Document discriminator"},
            {"DBD", "Issue date"}, {"DBA", "Expiry date"}, {"DBB", "Date of birth"}, {"DBC", "Sex"},
            {"DAG", "Street"}, {"DAH", "Street, line 2"}, {"DAI", "City"}, {"DAJ", "State or province"},
            {"DAK", "Postal code"}, {"DCG", "Country"}, {"DCA", "Vehicle class"}, {"DCB", "Restrictions"},
            {"DCD", "Endorsements"}, {"DAU", "Height"}, {"DAY", "Eye colour"}, {"DAZ", "Hair colour"},
            {"DCK", "Inventory control number"}, {"DDA", "Compliance type"}, {"DDB", "Card revision date"},
            {"DDE", "Family name truncated"}, {"DDF", "First name truncated"}, {"DDG", "Middle name truncated"},
            {"DDK", "Organ donor"}, {"DDL", "Veteran"}};
        for (String[] n : names) {
            AAMVA.put(n[0], n[1]);
        }
    }

    ReadingPanel(DocumentReading reading) {
        setPadding(false);
        setSpacing(false);
        setId("document-reading");
        addClassName("attest-reading");
        add(new H4("Read off the document"));
        Paragraph status = new Paragraph(switch (reading.status()) {
            case DONE -> reading.problem() == null ? "Read." : "Read in part: " + reading.problem();
            case PENDING -> "Still being read: the checks run again when reading ends.";
            case UNREADABLE -> "Nothing could be read" + (reading.problem() == null ? "." : ": " + reading.problem());
        });
        status.setId("document-reading-status");
        add(status);
        if (reading.status() != DocumentReading.Status.DONE) {
            return;
        }
        Div values = values(reading);
        if (values.getChildren().findAny().isPresent()) {
            add(values);
        }
        if (reading.mrz() != null) {
            add(mrz(reading.mrz()));
        }
        if (reading.barcode() != null) {
            add(barcode(reading.barcode()));
        }
        if (!reading.text().isEmpty()) {
            add(new H4("Text read (found values highlighted)"), text(reading.text(), reading.found()));
        }
    }

    private static Div values(DocumentReading r) {
        Div values = new Div();
        values.setId("document-reading-values");
        value(values, "Name", r.fullName(), v -> v);
        value(values, "Document number", r.documentNumber(), v -> v);
        value(values, "Date of birth", r.dateOfBirth(), Object::toString);
        value(values, "Expires on", r.expiresOn(), Object::toString);
        value(values, "Issuing country", r.issuingCountry(), CountryCode::displayName);
        value(values, "Issuing state or region", r.issuingRegion(), v -> v);
        value(values, "Issuer", r.issuer(), v -> v);
        value(values, "Document date", r.documentDate(), Object::toString);
        value(values, "Address", r.address(), ReadingPanel::address);
        return values;
    }

    private static <T> void value(Div values, String label, ReadValue<T> read,
            java.util.function.Function<T, String> shown) {
        if (read != null) {
            Paragraph p = new Paragraph(label + ": " + shown.apply(read.value()) + " (" + read.provenance() + ")");
            p.addClassName("attest-read-value");
            values.add(p);
        }
    }

    private static String address(AddressComparison.Written a) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        return String.join(", ", parts);
    }

    static Component mrz(MrzReading zone) {
        Div box = new Div();
        box.setId("document-mrz");
        box.add(new H4("Machine-readable zone (" + zone.format() + ")" + (zone.valid() ? "" : ": check digits disagree")));
        Div lines = new Div();
        lines.addClassName("attest-mrz");
        for (String line : zone.lines()) {
            Div l = new Div();
            l.setText(line);
            lines.add(l);
        }
        box.add(lines);
        Div digits = new Div();
        digits.setId("document-mrz-digits");
        digit(digits, "Document number", zone.checkDigits().documentNumber());
        digit(digits, "Date of birth", zone.checkDigits().dateOfBirth());
        digit(digits, "Expiry date", zone.checkDigits().expiresOn());
        if (zone.checkDigits().personalNumber() != null) {
            digit(digits, "Personal number", zone.checkDigits().personalNumber());
        }
        digit(digits, "Composite", zone.checkDigits().composite());
        box.add(digits);
        box.add(new Paragraph("Decoded: " + zone.surname() + (zone.givenNames().isBlank() ? "" : ", " + zone.givenNames())
                + " · document " + zone.documentNumber() + " · issued by " + state(zone.issuingState(),
                        zone.issuingCountry()) + " · nationality " + state(zone.nationality(), zone.nationalityCountry())
                + " · born " + zone.dateOfBirth() + " · sex " + zone.sex() + " · expires "
                + zone.expiresOn()));
        return box;
    }

    /** A zone's state code, with the country it names ("D (Germany)"). */
    private static String state(String code, Optional<CountryCode> country) {
        return code + country.map(c -> " (" + c.displayName() + ")").orElse("");
    }

    private static void digit(Div digits, String label, boolean agrees) {
        Span s = new Span(label + " " + (agrees ? "✓" : "✗"));
        s.addClassName(agrees ? "attest-check-ok" : "attest-check-bad");
        s.getElement().setAttribute("title", agrees ? "check digit agrees" : "check digit disagrees");
        digits.add(s);
    }

    static Component barcode(BarcodeReading barcode) {
        Div box = new Div();
        box.setId("document-barcode");
        box.add(new H4("PDF417 barcode (AAMVA version " + barcode.aamvaVersion() + ", issuer " + barcode.issuerId()
                + ")"));
        barcode.elements().forEach((id, value) -> {
            Paragraph p = new Paragraph(AAMVA.getOrDefault(id, id) + " (" + id + "): " + value);
            p.addClassName("attest-read-value");
            box.add(p);
        });
        return box;
    }

    /** The text with the found values' spans highlighted; overlapping or out-of-range spans are left out. */
    static Div text(String text, List<DocumentReading.Span> found) {
        Div box = new Div();
        box.setId("document-reading-text");
        box.addClassName("attest-read-text");
        int at = 0;
        for (DocumentReading.Span span : found.stream().sorted(Comparator.comparingInt(DocumentReading.Span::start))
                .toList()) {
            if (span.start() < at || span.end() > text.length() || span.end() <= span.start()) {
                continue;
            }
            if (span.start() > at) {
                box.add(new Span(text.substring(at, span.start())));
            }
            Span mark = new Span(text.substring(span.start(), span.end()));
            mark.addClassName("attest-read-found");
            mark.getElement().setAttribute("title", DocumentPanel.label(span.field().name()));
            box.add(mark);
            at = span.end();
        }
        if (at < text.length()) {
            box.add(new Span(text.substring(at)));
        }
        return box;
    }
}
