package dev.attest.documents.reading;

import java.time.LocalDate;
import java.util.List;

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

    /** Whether every check digit agrees: the zone is as issued, or was forged with care. */
    public boolean valid() {
        return checkDigits.all();
    }

    /**
     * Which of the zone's check digits agree with the characters they cover.
     *
     * @param documentNumber the document number's
     * @param dateOfBirth the date of birth's
     * @param expiresOn the expiry date's
     * @param composite the composite check digit over the upper zone
     */
    public record CheckDigits(boolean documentNumber, boolean dateOfBirth, boolean expiresOn, boolean composite) {

        public boolean all() {
            return documentNumber && dateOfBirth && expiresOn && composite;
        }
    }
}
