package dev.attest.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.attest.notifications.StaffNotification;

/** Stored notifications. */
public interface StaffNotifications extends JpaRepository<StaffNotification, Long> {

    /** A user's notifications, newest first. */
    List<StaffNotification> findByRecipientOrderByCreatedAtDescNumberDesc(String recipient, Pageable page);

    /** A user's unread notifications, newest first. */
    List<StaffNotification> findByRecipientAndReadAtIsNullOrderByCreatedAtDescNumberDesc(String recipient,
            Pageable page);

    /** How many unread notifications a user has (the index on recipient and read time answers it). */
    long countByRecipientAndReadAtIsNull(String recipient);

    Optional<StaffNotification> findByIdAndRecipient(UUID id, String recipient);

    @Modifying
    @Query("update StaffNotification n set n.readAt = :at where n.recipient = :recipient and n.readAt is null")
    int markAllRead(@Param("recipient") String recipient, @Param("at") Instant at);

    List<StaffNotification> findByCaseReference(String caseReference);

    /** A user's unread notifications written after a time, newest first (a digest's). */
    List<StaffNotification> findByRecipientAndReadAtIsNullAndCreatedAtAfterOrderByCreatedAtDescNumberDesc(
            String recipient, Instant after, Pageable page);

    /** How many unread notifications a user has that were written after a time. */
    long countByRecipientAndReadAtIsNullAndCreatedAtAfter(String recipient, Instant after);
}
