package dev.attest.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.attest.cases.CaseRecords;
import dev.attest.documents.DocumentReview;
import dev.attest.ownership.internal.OwnershipVersions;

/** The four-eyes rule of the approval. */
class OwnershipReviewTests {

    final OwnershipVersions versions = mock(OwnershipVersions.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    final OwnershipReview review = new OwnershipReview(mock(Ownership.class), versions, mock(DocumentReview.class),
            mock(CaseRecords.class), clock);
    final UUID caseId = UUID.randomUUID();

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    void as(String user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    @Test
    void aSecondPersonApprovesTheVersion() {
        OwnershipVersion version = new OwnershipVersion(caseId, 2, "{}", "analyst", clock.instant());
        when(versions.findByCaseIdAndNumber(caseId, 2)).thenReturn(Optional.of(version));
        as("senior");
        review.approve(caseId, 2, "analyst");
        assertThat(version.getApprovedBy()).isEqualTo("senior");
        assertThat(version.getApprovedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theConfirmerMayNotApprove() {
        as("senior");
        assertThatThrownBy(() -> review.approve(caseId, 2, "senior")).isInstanceOf(FourEyesViolationException.class);
    }
}
