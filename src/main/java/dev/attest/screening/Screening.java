package dev.attest.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

import dev.attest.cases.CountryCode;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * Screens names against the sanctions lists in force ({@link ListsInForce}), offline, each hit explained. The
 * threshold is {@code attest.screening.threshold} (default 0.88). The screening process and re-screening call
 * {@link #screen(ScreeningSubject)} and, for the entries a new list version added or changed,
 * {@link #screen(List, Collection)}; analysts search with {@link #search(ScreeningSearch)}.
 */
@Service
@EnableConfigurationProperties(MatchingSettings.class)
public class Screening {

    /** The longest name a search accepts. */
    public static final int MAX_NAME = 200;
    /** The most words a searched name may have. */
    public static final int MAX_WORDS = 12;

    private final CurrentIndex index;
    private final MatchingSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    Screening(CurrentIndex index, MatchingSettings settings, Clock clock, ZoneId zone) {
        this.index = index;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /** The subject's hits among all entries in force, best first (every hit at or above the threshold). */
    public List<ScreeningHit> screen(ScreeningSubject subject) {
        return index.get().screen(subject, settings.threshold());
    }

    /**
     * Each subject's hits among the given entries only (those a new list version added or changed), in the
     * subjects' order: one index of the entries, then every subject against it.
     */
    public List<List<ScreeningHit>> screen(List<ScreeningSubject> subjects, Collection<SanctionsEntry> only) {
        ScreeningIndex delta = ScreeningIndex.of(-1, only);
        List<List<ScreeningHit>> hits = new ArrayList<>(subjects.size());
        for (ScreeningSubject subject : subjects) {
            hits.add(delta.screen(subject, settings.threshold()));
        }
        return hits;
    }

    /**
     * An analyst's ad-hoc search: validated, then screened against every list in force. Not audited: it reads
     * published list data and stores nothing (the name searched for is not kept either).
     *
     * @throws dev.attest.validation.InvalidInputException naming every bad field
     */
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public ScreeningSearch.Result search(ScreeningSearch query) {
        FieldErrors errors = new FieldErrors();
        String name = errors.capture("name", () -> {
            String value = Text.line(query.name(), MAX_NAME);
            if (value == null) {
                throw new InvalidValueException("is required");
            }
            int words = NameNormalisation.normalise(value, false).tokens().length;
            if (words == 0) {
                throw new InvalidValueException("has no letters or digits to compare");
            }
            if (words > MAX_WORDS) {
                // every word is compared with every word of each candidate: a long list of words is no name
                throw new InvalidValueException("has more than " + MAX_WORDS + " words");
            }
            return value;
        });
        LocalDate dateOfBirth = errors.capture("dateOfBirth", () -> dateOfBirth(query.dateOfBirth()));
        CountryCode country = errors.capture("country", () -> query.country() == null
                || query.country().isBlank() ? null : CountryCode.of(query.country()));
        SubjectType type = errors.capture("type", () -> type(query.type()));
        errors.throwIfAny();
        List<ScreeningHit> hits = screen(ScreeningSubject.of(name, dateOfBirth, country, type));
        return new ScreeningSearch.Result(hits.stream().limit(settings.maxHits()).map(ScreeningSearch.Hit::of)
                .toList());
    }

    /** The score from which an entry is a hit. */
    public double threshold() {
        return settings.threshold();
    }

    private LocalDate dateOfBirth(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("must be a date written yyyy-mm-dd");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidValueException("is in the future");
        }
        if (date.getYear() < 1880) {
            throw new InvalidValueException("is before 1880");
        }
        return date;
    }

    private static SubjectType type(String raw) {
        if (raw == null || raw.isBlank()) {
            return SubjectType.UNKNOWN;
        }
        return switch (raw.strip()) {
            case "PERSON" -> SubjectType.PERSON;
            case "ORGANISATION" -> SubjectType.ORGANISATION;
            default -> throw new InvalidValueException("must be PERSON or ORGANISATION");
        };
    }
}
