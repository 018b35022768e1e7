package dev.attest.screening;

/** An analyst's decision on a potential hit. */
public enum HitVerdict {
    /** The entry designates the subject. */
    TRUE_MATCH,
    /** The entry designates someone or something else. */
    FALSE_POSITIVE
}
