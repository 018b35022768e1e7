package dev.attest.cases;

import java.util.List;
import java.util.Locale;

import org.apache.commons.validator.routines.DomainValidator;

import dev.attest.validation.InvalidValueException;

/** A marketplace Attest works with, by its domain ({@code amazon.com}, {@code amazon.de}, …). */
public record Marketplace(String domain) {

    /** The marketplaces supported today: Amazon's seller marketplaces. */
    public static final List<String> SUPPORTED = List.of("amazon.com", "amazon.ca", "amazon.com.mx", "amazon.com.br",
            "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.nl", "amazon.se", "amazon.pl",
            "amazon.com.be", "amazon.com.tr", "amazon.ae", "amazon.sa", "amazon.eg", "amazon.in", "amazon.co.jp",
            "amazon.com.au", "amazon.sg");

    public static Marketplace of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        String domain = raw.strip().toLowerCase(Locale.ROOT);
        if (!DomainValidator.getInstance().isValid(domain)) {
            throw new InvalidValueException("must be a marketplace domain, e.g. amazon.com");
        }
        if (!SUPPORTED.contains(domain)) {
            throw new InvalidValueException("is not a supported marketplace; supported: " + String.join(", ", SUPPORTED));
        }
        return new Marketplace(domain);
    }

    @Override
    public String toString() {
        return domain;
    }
}
