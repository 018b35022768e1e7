package dev.attest.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.attest.cases.CountryCode;

/**
 * Someone or something to screen: a client, a business, a beneficial owner or a control person.
 *
 * @param names the names to screen, the first being the main one (at least one; others are e.g. a maiden name or a
 *        former company name)
 * @param dateOfBirth a person's date of birth, if known (raises or lowers the score of entries that give one)
 * @param countries nationalities or countries of incorporation, if known (raise or lower the score of entries that
 *        give some)
 * @param type what the subject is
 */
public record ScreeningSubject(List<String> names, LocalDate dateOfBirth, Set<CountryCode> countries,
        SubjectType type) {

    public ScreeningSubject {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a subject needs a name");
        }
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        type = type == null ? SubjectType.UNKNOWN : type;
    }

    /** A subject with one name. */
    public static ScreeningSubject of(String name, LocalDate dateOfBirth, CountryCode country, SubjectType type) {
        return new ScreeningSubject(List.of(name), dateOfBirth, country == null ? Set.of() : Set.of(country), type);
    }
}
