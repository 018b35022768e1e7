package dev.attest.documents;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a name read off a document with the name on the case, tolerant of case, diacritics,
 * punctuation and order ("GONZALEZ, María" is "Maria Gonzalez"). A name with an extra part (a middle name)
 * needs a reviewer; a different name fails.
 */
public final class NameComparison {

    private NameComparison() {
    }

    public static CheckResult compare(String onDocument, String expected, String whose) {
        if (onDocument == null || onDocument.isBlank()) {
            return CheckResult.review(CheckCode.NAME_MATCH, "The name on the document was not recorded; compare it with "
                    + whose + " '" + expected + "'");
        }
        Set<String> doc = tokens(onDocument);
        Set<String> exp = tokens(expected);
        if (doc.equals(exp)) {
            return CheckResult.pass(CheckCode.NAME_MATCH, "'" + onDocument + "' matches " + whose + " '" + expected + "'");
        }
        if (doc.containsAll(exp) || exp.containsAll(doc)) {
            return CheckResult.review(CheckCode.NAME_MATCH, "'" + onDocument + "' and " + whose + " '" + expected
                    + "' share their names but one has more parts (a middle name?)");
        }
        return CheckResult.fail(CheckCode.NAME_MATCH, "'" + onDocument + "' does not match " + whose + " '" + expected + "'");
    }

    static Set<String> tokens(String name) {
        return new TreeSet<>(Arrays.asList(AddressComparison.normalize(name).replace("#", " ").trim().split(" ")));
    }
}
