package dev.attest.notifications;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/notifications}: the caller's inbox. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A notification.
     *
     * @param kind what it tells
     * @param label the kind in words
     * @param link the app's route to open: {@code cases/<reference>} or {@code tasks/<task id>}
     * @param readAt when the caller read it, or null
     */
    record NotificationResponse(UUID id, NotificationKind kind, String label, String text, String link,
            String caseReference, Instant createdAt, Instant readAt) {

        static NotificationResponse of(StaffNotification n) {
            return new NotificationResponse(n.getId(), n.getKind(), n.getKind().label(), n.getText(), n.getLink(),
                    n.getCaseReference(), n.getCreatedAt(), n.getReadAt());
        }
    }

    /** The inbox: how many are unread, and the newest notifications. */
    record InboxResponse(long unread, List<NotificationResponse> notifications) {
    }

    /** How many notifications were marked read. */
    record MarkedRead(int marked) {
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first, with the number unread",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. unreadOnly lists only unread ones; limit 1 to "
                    + Notifications.MAX_LIMIT + " (default 50).")
    @ApiResponse(responseCode = "400", description = "limit out of range")
    InboxResponse mine(@RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit) {
        var inbox = notifications.mine(unreadOnly, limit);
        return new InboxResponse(inbox.unread(), inbox.notifications().stream().map(NotificationResponse::of).toList());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. "
            + "Marking it again changes nothing.")
    @ApiResponse(responseCode = "404", description = "No such notification of the caller's (another user's is not "
            + "found either)")
    NotificationResponse read(@PathVariable UUID id) {
        return NotificationResponse.of(notifications.markRead(id));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER.")
    MarkedRead readAll() {
        return new MarkedRead(notifications.markAllRead());
    }

    @ExceptionHandler(NotificationNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotificationNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
