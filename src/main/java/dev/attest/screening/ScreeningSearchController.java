package dev.attest.screening;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/screening/search}: an analyst's ad-hoc search of the lists in force. */
@RestController
@RequestMapping(path = "/api/v1/screening/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening")
class ScreeningSearchController {

    private final Screening screening;

    ScreeningSearchController(Screening screening) {
        this.screening = screening;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search a name in the sanctions lists in force (ANALYST, SENIOR_ANALYST, MANAGER)",
            description = """
                    Body: `name` (required, at most 200 characters, any script: transliterated to Latin), \
                    `dateOfBirth` (optional, yyyy-mm-dd), `country` (optional, code or English name), `type` \
                    (optional, PERSON or ORGANISATION; both when absent). Answer: `hits`, best first, at most \
                    attest.screening.max-hits, each with `list`, `entryId`, `entryName` (the entry's primary name), \
                    `matchedName` (the entry's name that matched), `score` (0 to 1, at least \
                    attest.screening.threshold) and `reasons` (the name comparison, then what the date of birth \
                    and the country added or took off). Not audited: it reads published list data and stores \
                    nothing.""")
    @ApiResponse(responseCode = "200", description = "The hits (possibly none)")
    @ApiResponse(responseCode = "400", description = "A field refused (name blank, too long or without letters, "
            + "dateOfBirth not a past date, country unknown, type not PERSON or ORGANISATION), each named")
    @ApiResponse(responseCode = "403", description = "Not an analyst, senior analyst or manager")
    ScreeningSearch.Result search(@RequestBody ScreeningSearch query) {
        return screening.search(query);
    }
}
