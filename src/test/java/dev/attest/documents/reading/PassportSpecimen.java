package dev.attest.documents.reading;

import java.time.LocalDate;

/**
 * A generated passport data page (a visual zone and a TD3 machine-readable zone with correct check digits) as PNG
 * bytes, for tests outside this package (the portal's browser test).
 */
public final class PassportSpecimen {

    private PassportSpecimen() {
    }

    /**
     * @param state the issuing state's and nationality's ICAO code ({@code USA})
     */
    public static byte[] png(String surname, String givenNames, String documentNumber, String state,
            LocalDate dateOfBirth, String sex, LocalDate expiresOn) {
        SpecimenDocuments.Holder holder = new SpecimenDocuments.Holder(surname, givenNames, documentNumber, state, state,
                dateOfBirth, sex, expiresOn);
        return BillCorpus.png(SpecimenDocuments.passport(holder, SpecimenDocuments.td3(holder)));
    }
}
