package dev.attest.documents.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.attest.cases.CountryCode;

/**
 * A machine-readable zone as read and parsed, with every check digit verified.
 *
 * @param format the layout
 * @param lines the zone's lines as read (filler {@code <} kept)
 * @param checkDigits which check digits agree
 * @param documentCode the document code ({@code P}, {@code I}, {@code ID}, ...)
 * @param issuingState the issuing state's ICAO code ({@code USA}, {@code D}, {@code UTO})
 * @param surname the primary identifier, fillers turned into spaces
 * @param givenNames the secondary identifier, fillers turned into spaces (empty when there is none)
 * @param documentNumber the document number without fillers
 * @param nationality the holder's nationality's ICAO code
 * @param dateOfBirth the date of birth, or {@code null} when unreadable
 * @param sex {@code M}, {@code F} or {@code X} (ICAO's {@code <})
 * @param expiresOn the expiry date, or {@code null} when unreadable
 */
public record MrzReading(MrzFormat format, List<String> lines, CheckDigits checkDigits, String documentCode,
        String issuingState, String surname, String givenNames, String documentNumber, String nationality,
        LocalDate dateOfBirth, String sex, LocalDate expiresOn) {

    public MrzReading {
        lines = List.copyOf(lines);
    }

    /** The country whose code is the issuing state, when it names one ({@code D} is Germany; {@code UTO} none). */
    public Optional<CountryCode> issuingCountry() {
        return ZoneFields.country(issuingState);
    }

    /** The country whose code is the nationality, when it names one. */
    public Optional<CountryCode> nationalityCountry() {
        return ZoneFields.country(nationality);
    }

    /** Whether every check digit agrees: the zone is as issued, or was forged with care. */
    public boolean valid() {
        return checkDigits.all();
    }

    /** The line that holds the document number: a card's first, a passport's (or TD2's) second. */
    int numberLine() {
        return format == MrzFormat.TD1 ? 0 : 1;
    }

    /** Where the document number's nine characters start on {@link #numberLine()}. */
    int numberStart() {
        return format == MrzFormat.TD1 ? 5 : 0;
    }

    /**
     * Whether every check digit would agree if letters {@code O} of the document number were the digit 0. OCR
     * takes the one for the other, but the zone alone cannot tell a 0 misread from a character of value 0 modulo 10
     * ({@code A}, {@code K}, {@code U}, {@code <}) changed into an {@code O}: both give the same characters. Such a
     * zone is not valid, and not shown to be altered either: a person compares the number printed on the page.
     */
    public boolean agreesWithZeroForO() {
        if (valid() || checkDigits.documentNumber() || !checkDigits.dateOfBirth() || !checkDigits.expiresOn()) {
            return false;
        }
        int line = numberLine();
        int from = numberStart();
        String text = lines.get(line);
        List<Integer> os = new java.util.ArrayList<>();
        for (int i = from; i < Math.min(from + 9, text.length()); i++) {
            if (text.charAt(i) == 'O') {
                os.add(i);
            }
        }
        // every choice of which O are 0 (a number has nine characters: at most 511 choices)
        for (int choice = 1; choice < 1 << os.size(); choice++) {
            char[] swapped = text.toCharArray();
            for (int o = 0; o < os.size(); o++) {
                if ((choice & 1 << o) != 0) {
                    swapped[os.get(o)] = '0';
                }
            }
            List<String> zone = new java.util.ArrayList<>(lines);
            zone.set(line, new String(swapped));
            // the check digits do not depend on the day the dates are read against
            if (MrzParser.parse(zone, LocalDate.of(2000, 1, 1)).map(MrzReading::valid).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of the zone's check digits agree with the characters they cover.
     *
     * @param documentNumber the document number's
     * @param dateOfBirth the date of birth's
     * @param expiresOn the expiry date's
     * @param composite the composite check digit over the upper zone
     * @param personalNumber a passport's (TD3) personal number check digit: over the optional data, a filler only
     *        when that is all fillers; {@code null} for layouts without one, and in readings stored before it was
     *        checked
     */
    public record CheckDigits(boolean documentNumber, boolean dateOfBirth, boolean expiresOn, boolean composite,
            Boolean personalNumber) {

        /** The check digits of a layout without a personal number check digit. */
        public CheckDigits(boolean documentNumber, boolean dateOfBirth, boolean expiresOn, boolean composite) {
            this(documentNumber, dateOfBirth, expiresOn, composite, null);
        }

        public boolean all() {
            return documentNumber && dateOfBirth && expiresOn && composite && !Boolean.FALSE.equals(personalNumber);
        }
    }
}
