package dev.attest.cases;

/** Why one-time passwords stopped reaching the client, as intake records it (RULES.md). */
public enum OtpProblem {
    /** Carriers often block SMS codes to VoIP numbers. */
    VOIP_NUMBER,
    /** A newly ported line: codes are blocked for a while. */
    PORTED_LINE,
    /** The phone number on the account is no longer the client's. */
    CHANGED_NUMBER,
    /** The carrier or the phone blocks short codes. */
    BLOCKED_SHORT_CODES,
    /** A security filter or app on the phone swallows the messages. */
    SECURITY_FILTER,
    /** The client does not know. */
    UNKNOWN
}
