package dev.attest.screening;

/** Where a screened subject comes from. */
public enum SubjectSource {
    /** The client (a person) named at intake. */
    INTAKE_CLIENT,
    /** The client's business named at intake. */
    INTAKE_BUSINESS,
    /** A beneficial owner traced in an ownership structure version. */
    OWNER,
    /** The control person named in an ownership structure version. */
    CONTROL_PERSON
}
