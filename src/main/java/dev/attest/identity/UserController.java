package dev.attest.identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/users}: the accounts, and disabling or enabling one (ADMIN). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Every account: user name, display name, roles, whether enabled, when created (ADMIN)")
    java.util.List<UserAdministration.Account> accounts() {
        return users.accounts();
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable an account: no more logins or API calls; its open sessions end at their next request")
    ResponseEntity<Void> disable(@PathVariable String username) {
        users.disable(username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account again")
    ResponseEntity<Void> enable(@PathVariable String username) {
        users.enable(username);
        return ResponseEntity.noContent().build();
    }
}
