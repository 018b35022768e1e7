package dev.attest.screening;

/** Why a case's subjects were screened. */
public enum ScreeningTrigger {
    /** The seller verification screened the client and the business. */
    INTAKE,
    /** An ownership structure version was recorded: its beneficial owners and control person were screened. */
    OWNERSHIP,
    /** A list version came into force: every subject of the open case against its added or changed entries. */
    LIST_UPDATE
}
