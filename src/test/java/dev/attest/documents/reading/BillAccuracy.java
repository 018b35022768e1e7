package dev.attest.documents.reading;

import java.util.EnumMap;
import java.util.Map;

import dev.attest.cases.CountryCode;
import dev.attest.cases.PostalAddress;
import dev.attest.documents.AddressComparison;
import dev.attest.documents.AddressComparison.Written;
import dev.attest.documents.CheckOutcome;
import dev.attest.documents.NameComparison;
import dev.attest.documents.reading.BillCorpus.Bill;

/**
 * Whether each field of a bill was read right: right when the check that uses it concludes as it would on the true
 * value (the name matches by {@link NameComparison}, the address passes {@link AddressComparison}), the date and the
 * country are the same, and the issuer is the same once case, accents and punctuation are set aside.
 */
public final class BillAccuracy {

    /** The fields of a bill that are scored. */
    public enum BillField {
        FULL_NAME, ADDRESS, DOCUMENT_DATE, ISSUER, ISSUING_COUNTRY
    }

    private BillAccuracy() {
    }

    /** Each field: read right or not. */
    public static Map<BillField, Boolean> score(Bill bill, DocumentReading reading) {
        Map<BillField, Boolean> right = new EnumMap<>(BillField.class);
        right.put(BillField.FULL_NAME, reading.fullName() != null && NameComparison.compare(reading.fullName().value(),
                bill.fullName(), "the holder").outcome() == CheckOutcome.PASS);
        right.put(BillField.ADDRESS, reading.address() != null && AddressComparison.compare(reading.address().value(),
                postal(bill.address())).outcome() == CheckOutcome.PASS);
        right.put(BillField.DOCUMENT_DATE, reading.documentDate() != null
                && reading.documentDate().value().equals(bill.documentDate()));
        right.put(BillField.ISSUER, reading.issuer() != null && plain(reading.issuer().value())
                .equals(plain(bill.issuer())));
        right.put(BillField.ISSUING_COUNTRY, reading.issuingCountry() != null
                && reading.issuingCountry().value().equals(bill.issuingCountry()));
        return right;
    }

    static String plain(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }

    static PostalAddress postal(Written a) {
        return new PostalAddress(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), new CountryCode(a.country()));
    }
}
