package dev.attest.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.attest.validation.InvalidInputException;

/**
 * The {@code @username} mentions of a note's text: an {@code @} not preceded by a letter, digit or one of
 * {@code . _ - @} (so an e-mail address is no mention), followed by a user name; dots, dashes and underscores at its
 * end are punctuation ({@code "ask @analyst."}). A name is a mention only when it names staff (the predicate);
 * any other stays plain text.
 */
final class Mentions {

    /** The most distinct names a note may mention, so one note cannot set off a flood of look-ups. */
    static final int MAX_NAMES = 20;

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([a-z][a-z0-9._-]{1,63})",
            Pattern.CASE_INSENSITIVE);

    private Mentions() {
    }

    /** The staff a text mentions, in the order they first appear, each once. */
    static List<String> in(String text, Predicate<String> isStaff) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[._-]+$", "");
            if (name.length() >= 2) {
                names.add(name);
            }
        }
        if (names.size() > MAX_NAMES) {
            throw new InvalidInputException("text", "must mention at most " + MAX_NAMES + " people (mentions "
                    + names.size() + ")");
        }
        List<String> staff = new ArrayList<>();
        for (String name : names) {
            if (isStaff.test(name)) {
                staff.add(name);
            }
        }
        return staff;
    }
}
