package dev.attest.screening;

/** What a screened subject is, which decides the entries it is compared with. */
public enum SubjectType {
    /** Compared with PERSON entries (and entries of unknown type). */
    PERSON,
    /** Compared with ORGANISATION entries (and entries of unknown type), legal-form words set aside. */
    ORGANISATION,
    /** Compared with every entry. */
    UNKNOWN;

    /** Whether an entry of the given type is compared with a subject of this type. */
    public boolean comparesWith(EntryType entry) {
        return switch (this) {
            case PERSON -> entry == EntryType.PERSON || entry == EntryType.OTHER;
            case ORGANISATION -> entry == EntryType.ORGANISATION || entry == EntryType.OTHER;
            case UNKNOWN -> true;
        };
    }
}
