package dev.attest.identity;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/users}: the accounts; creating one, resetting a password, disabling or enabling (ADMIN). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Every account: user name, display name, roles, whether enabled, when created, until when "
            + "its logins are locked after failed ones (ADMIN)")
    List<UserAdministration.Account> accounts() {
        return users.accounts();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account with a generated password, returned this once (ADMIN)", description = """
            Body: {"username": 2–64 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter, not a \
            name Attest uses itself (system, client, portal, anonymous, engine, scheduler, …: "is reserved"); \
            "displayName": one line, at most 200 characters; "roles": one or more of ANALYST, SENIOR_ANALYST, MANAGER, \
            DESIGNER, ADMIN, INTAKE}. 201 with the account and its password (only its hash is stored: pass it on); \
            400 naming every bad field, nothing stored.""")
    ResponseEntity<UserAdministration.Issued> create(
            @RequestBody UserAdministration.NewAccount body) {
        UserAdministration.Issued issued = users.create(body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + issued.account().username()))
                .body(issued);
    }

    @PostMapping("/{username}/password-reset")
    @Operation(summary = "Give an account a new generated password, returned this once (ADMIN; not one's own)")
    UserAdministration.Issued resetPassword(@PathVariable String username) {
        return users.resetPassword(username);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable an account: no more logins or API calls; its open sessions end at their next request")
    ResponseEntity<Void> disable(@PathVariable String username) {
        users.disable(username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{username}/login-lock")
    @Operation(summary = "End an account's login lock after too many failed logins (ADMIN; audited)", description = """
            After 5 failed logins within 15 minutes (attest.login.*) an account's logins are refused for a while, \
            the right password included (API: 429 with Retry-After). This ends the lock at once and forgets the \
            failures on the node that answers (counters are kept per node). 204 whether or not it was locked; 404 \
            for an unknown account.""")
    ResponseEntity<Void> unlockLogin(@PathVariable String username) {
        users.unlockLogin(username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account again")
    ResponseEntity<Void> enable(@PathVariable String username) {
        users.enable(username);
        return ResponseEntity.noContent().build();
    }

    /** The body of {@code PUT /api/v1/users/{username}/email}. */
    record EmailChange(String email) {
    }

    @PutMapping(path = "/{username}/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set, change or remove an account's e-mail address (ADMIN; audited)", description = """
            Body: {"email": an e-mail address, at most 254 characters, or null or blank to remove it}. The address \
            receives the daily digest of the user's unread notifications when attest.notifications.digest.enabled \
            (analysts, senior analysts, managers). 200 with the account; 400 naming email, nothing stored; 404 for \
            an unknown account.""")
    UserAdministration.Account setEmail(@PathVariable String username, @RequestBody EmailChange body) {
        return users.setEmail(username, body == null ? null : body.email());
    }
}
