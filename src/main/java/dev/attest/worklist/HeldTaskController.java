package dev.attest.worklist;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.identity.CurrentUser;

/** {@code /api/v1/users/{username}/tasks/return}: the tasks a user holds go back to their groups. */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
class HeldTaskController {

    private final Worklist worklist;

    HeldTaskController(Worklist worklist) {
        this.worklist = worklist;
    }

    /** How many tasks went back. */
    record Returned(String username, int returned) {
    }

    @PostMapping("/{username}/tasks/return")
    @Operation(summary = "Give every task a user holds back to its groups (audited per task)", description = "me (or "
            + "one's own user name): one's own tasks (ANALYST, SENIOR_ANALYST, MANAGER), e.g. before going away; "
            + "anyone else's: MANAGER only (403 otherwise). 200 with how many went back.")
    Returned returnAll(@PathVariable String username) {
        String whose = "me".equals(username) ? CurrentUser.require().username() : username;
        return new Returned(whose, worklist.returnAllHeldBy(whose));
    }
}
