package dev.attest.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.html.Span;

/** How dates and enums read in the UI. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** A moment in the user's zone ({@code attest.zone}), or a dash. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(zone));
    }

    /** The tone of a badge. */
    public enum Tone { SUCCESS, ERROR, NEUTRAL }

    /** A small coloured label (Lumo colours, no extra style sheet). */
    public static Span badge(String text, Tone tone) {
        var span = new Span(text);
        String colour = switch (tone) {
            case SUCCESS -> "success";
            case ERROR -> "error";
            case NEUTRAL -> "contrast";
        };
        span.getStyle().set("padding", "0.1em 0.6em").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("background", "var(--lumo-" + colour + "-color-10pct)")
                .set("color", tone == Tone.NEUTRAL ? "var(--lumo-body-text-color)" : "var(--lumo-" + colour + "-text-color)");
        return span;
    }

    /** {@code SELLER_VERIFICATION} → {@code Seller verification}. */
    public static String label(Enum<?> value) {
        if (value == null) {
            return "—";
        }
        String s = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
