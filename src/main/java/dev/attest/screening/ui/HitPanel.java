package dev.attest.screening.ui;

import java.time.ZoneId;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import dev.attest.screening.CaseScreening;
import dev.attest.screening.HitStatus;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.SubjectType;
import dev.attest.ui.Formats;

/**
 * One potential hit explained, for the case view and the screening tasks: the subject's name beside the entry's name
 * that matched it, the list and the entry's id, the score as a percentage, the reasons as a list, and where the hit
 * stands. A hit still waiting for someone is marked (class {@code screening-hit-open}) unless its case is closed.
 */
class HitPanel extends Div {

    HitPanel(CaseScreening.Hit hit, CaseScreening.Subject subject, ZoneId zone, boolean caseClosed) {
        setId("screening-hit-" + hit.id());
        addClassName("screening-hit");
        boolean waiting = hit.status().open() && !caseClosed;
        if (waiting) {
            addClassName("screening-hit-open");
        }

        Div head = new Div(status(hit.status(), caseClosed));
        head.addClassName("screening-hit-head");
        Span entry = new Span(hit.list().label() + " (" + hit.list().name() + "), entry " + hit.entryId());
        entry.addClassName("screening-hit-entry");
        Span score = new Span("Score " + percent(hit.score()));
        score.addClassName("screening-hit-score");
        head.add(entry, score);

        Div names = new Div();
        names.addClassName("screening-hit-names");
        names.setText(hit.subjectNameMatched() + " ↔ " + hit.matchedName()
                + (hit.matchedName().equals(hit.entryName()) ? "" : " (a name of " + hit.entryName() + ")"));

        Div about = new Div();
        about.addClassName("screening-hit-about");
        about.setText("Subject: " + (subject == null ? hit.subjectName() : describe(subject)) + ". Found "
                + Formats.dateTime(hit.foundAt(), zone) + " by the " + trigger(hit.trigger()) + ".");

        UnorderedList reasons = new UnorderedList();
        reasons.addClassName("screening-hit-reasons");
        hit.reasons().forEach(r -> reasons.add(new ListItem(r)));
        add(head, names, about, reasons);
    }

    /** Where a hit stands, as a badge; an open hit of a closed case says that nobody is asked any more. */
    static Span status(HitStatus status, boolean caseClosed) {
        Span badge = switch (status) {
            case UNDECIDED -> Formats.badge(caseClosed ? "Undecided (case closed)" : "Open: waiting for review",
                    caseClosed ? Formats.Tone.NEUTRAL : Formats.Tone.ERROR);
            case AWAITING_CONFIRMATION -> Formats.badge(caseClosed ? "True match, unconfirmed (case closed)"
                    : "Open: true match waiting for a second reviewer", caseClosed ? Formats.Tone.NEUTRAL
                    : Formats.Tone.ERROR);
            case FALSE_POSITIVE -> Formats.badge("False positive", Formats.Tone.SUCCESS);
            case TRUE_MATCH -> Formats.badge("True match, confirmed", Formats.Tone.ERROR);
            case OVERTURNED -> Formats.badge("Overturned: a false positive", Formats.Tone.SUCCESS);
        };
        badge.addClassName("screening-hit-status");
        return badge;
    }

    /** 0.934 → {@code 93 %}. */
    static String percent(double score) {
        return Math.round(score * 100) + " %";
    }

    /** The subject in a line: name, type, source, date of birth and country when known. */
    static String describe(CaseScreening.Subject s) {
        StringBuilder b = new StringBuilder(s.name()).append(" (").append(type(s.type())).append(", ")
                .append(source(s).toLowerCase(Locale.ROOT));
        if (s.dateOfBirth() != null) {
            b.append(", born ").append(s.dateOfBirth());
        }
        if (s.country() != null && !s.country().isBlank()) {
            b.append(", ").append(s.country());
        }
        return b.append(')').toString();
    }

    static String type(SubjectType type) {
        return switch (type) {
            case PERSON -> "Person";
            case ORGANISATION -> "Organisation";
            case UNKNOWN -> "Unknown";
        };
    }

    /** Where a subject comes from, with the ownership version that named an owner or control person. */
    static String source(CaseScreening.Subject s) {
        String version = s.ownershipVersion() == null ? "" : " (ownership version " + s.ownershipVersion() + ")";
        return switch (s.source()) {
            case INTAKE_CLIENT -> "Client at intake";
            case INTAKE_BUSINESS -> "Business at intake";
            case OWNER -> "Beneficial owner" + version;
            case CONTROL_PERSON -> "Control person" + version;
        };
    }

    static String trigger(ScreeningTrigger trigger) {
        if (trigger == null) {
            return "screening";
        }
        return switch (trigger) {
            case INTAKE -> "screening at intake";
            case OWNERSHIP -> "screening of an ownership structure";
            case LIST_UPDATE -> "screening after a sanctions list update";
        };
    }
}
