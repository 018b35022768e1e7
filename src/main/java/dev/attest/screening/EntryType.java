package dev.attest.screening;

/** What a list entry designates. */
public enum EntryType {
    PERSON, ORGANISATION, VESSEL, AIRCRAFT, OTHER
}
