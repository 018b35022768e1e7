package dev.attest.validation;

import java.util.Arrays;
import java.util.Locale;

/** One value out of an enum, as text from a request: case and surrounding blanks ignored. */
public final class Choice {

    private Choice() {
    }

    /** The constant named by the text; refused when blank or unknown, naming the allowed values. */
    public static <E extends Enum<E>> E required(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return parse(type, raw);
    }

    /** The constant named by the text, or {@code null} when blank; refused when unknown. */
    public static <E extends Enum<E>> E optional(Class<E> type, String raw) {
        return raw == null || raw.isBlank() ? null : parse(type, raw);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
