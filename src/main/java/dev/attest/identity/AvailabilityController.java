package dev.attest.identity;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/users/…/availability}: staff mark themselves away until a day (ANALYST, SENIOR_ANALYST, MANAGER);
 * managers do it for any of them and see the team's.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users")
class AvailabilityController {

    private final Availability availability;

    AvailabilityController(Availability availability) {
        this.availability = availability;
    }

    /**
     * A change of availability.
     *
     * @param awayUntil the last day away (ISO date, read in attest.zone), or {@code null} for available
     */
    record AvailabilityRequest(LocalDate awayUntil) {
    }

    /** One user's availability: {@code awayUntil} is {@code null} when they are available today. */
    record AvailabilityView(String username, LocalDate awayUntil) {
    }

    @GetMapping("/me/availability")
    @Operation(summary = "My availability (ANALYST, SENIOR_ANALYST, MANAGER)")
    AvailabilityView mine() {
        return new AvailabilityView(CurrentUser.require().username(), availability.mine());
    }

    @PutMapping(path = "/me/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark myself away until a day, or available (ANALYST, SENIOR_ANALYST, MANAGER; audited)",
            description = """
                    Body: {"awayUntil": "2026-12-24"} (the last day away, inclusive, in attest.zone) or \
                    {"awayUntil": null} (available). An away user is given no new task, by hand (400 "X is away \
                    until …") or automatically (skipped), and shows as away in pickers. The tasks one holds stay \
                    held: give them back with POST /api/v1/users/me/tasks/return.""")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", description = "awayUntil before today or more than a year ahead (field "
            + "awayUntil); nothing changed")
    ResponseEntity<Void> setMine(@RequestBody AvailabilityRequest body) {
        availability.setMine(body == null ? null : body.awayUntil());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{username}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark a staff user away until a day, or available (MANAGER; audited)",
            description = "Body as for /me/availability. 404 for an unknown user; 400 naming username for an account "
                    + "without a worklist, or awayUntil.")
    @ApiResponse(responseCode = "204", description = "Changed")
    ResponseEntity<Void> set(@PathVariable String username, @RequestBody AvailabilityRequest body) {
        if ("me".equals(username)) {
            return setMine(body);
        }
        availability.set(username, body == null ? null : body.awayUntil());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/availability")
    @Operation(summary = "Every enabled staff user with their roles and, when away today, their last day away "
            + "(MANAGER)")
    List<StaffMember> team() {
        return availability.team();
    }
}
