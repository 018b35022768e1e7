package dev.attest.documents;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One check's result.
 *
 * @param code which check
 * @param outcome what it found
 * @param detail what a reviewer needs to act on it
 */
@Embeddable
public record CheckResult(
        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "code", length = 32) CheckCode code,
        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "outcome", length = 16) CheckOutcome outcome,
        @Column(name = "detail", length = 1000) String detail) {

    public static CheckResult pass(CheckCode code, String detail) {
        return new CheckResult(code, CheckOutcome.PASS, detail);
    }

    public static CheckResult fail(CheckCode code, String detail) {
        return new CheckResult(code, CheckOutcome.FAIL, detail);
    }

    public static CheckResult review(CheckCode code, String detail) {
        return new CheckResult(code, CheckOutcome.NEEDS_REVIEW, detail);
    }
}
