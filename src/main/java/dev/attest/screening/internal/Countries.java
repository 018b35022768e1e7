package dev.attest.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.attest.cases.CountryCode;

/** Countries as lists write them: ISO codes, English names, or several in one field ("(1) Russia (2) Ukraine"). */
final class Countries {

    private static final Pattern SEPARATORS = Pattern.compile("\\(\\d+\\)|[,;/|]");

    private Countries() {
    }

    static List<CountryCode> read(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 500) {
            return List.of();
        }
        Optional<CountryCode> whole = CountryCode.find(raw.strip());
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        List<CountryCode> found = new ArrayList<>();
        for (String part : SEPARATORS.split(raw)) {
            String p = part.strip();
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            CountryCode.find(p).ifPresent(found::add);
        }
        return found;
    }
}
