package dev.attest.documents.reading;

import java.util.Random;

import dev.attest.documents.reading.SpecimenDocuments.Degradation;
import dev.attest.documents.reading.SpecimenDocuments.Holder;

/** Identity documents of the specimen generator as image files, for the benchmark harness. */
public final class IdentityCorpus {

    private IdentityCorpus() {
    }

    /** A passport's photo page with a valid zone, as PNG; degraded (turned, blurred or JPEG) when asked. */
    public static byte[] passportPng(long seed, boolean degraded) {
        return passportPng(seed, degraded, false);
    }

    /**
     * A passport's photo page with a valid zone, as PNG, the zone in OCR-B (as real passports print it) when asked;
     * degraded (turned, blurred or JPEG) when asked.
     */
    public static byte[] passportPng(long seed, boolean degraded, boolean ocrB) {
        Random random = new Random(seed);
        Holder h = SpecimenDocuments.holder(random);
        var page = ocrB ? SpecimenDocuments.passport(h, SpecimenDocuments.td3(h), SpecimenDocuments.OCR_B)
                : SpecimenDocuments.passport(h, SpecimenDocuments.td3(h));
        if (degraded) {
            Degradation d = Degradation.values()[1 + random.nextInt(3)];
            page = SpecimenDocuments.degrade(page, d, random);
        }
        return BillCorpus.png(page);
    }

    /** A US licence's back with its PDF417 barcode, as PNG. */
    public static byte[] licenceBackPng(long seed) {
        Holder h = SpecimenDocuments.holder(new Random(seed));
        return BillCorpus.png(SpecimenDocuments.licenceBack(SpecimenDocuments.aamva(h, "636015", "TX", false)));
    }
}
