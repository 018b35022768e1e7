package dev.attest.screening;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.attest.AttestTest;

/** {@code POST /api/v1/screening/search}: the answer's shape, its order and explanations, refusals and roles. */
@AttestTest
@Import(FixedListsInForce.class)
class ScreeningSearchApiTests {

    @Autowired MockMvc mvc;

    ResultActions search(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/screening/search").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aHitSaysWhichNameMatchedWhichAndWhy() throws Exception {
        search("analyst", """
                {"name": "Ivanov Sergei", "dateOfBirth": "1960-01-01", "country": "Russia", "type": "PERSON"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits.length()").value(1))
                .andExpect(jsonPath("$.hits[0].list").value("OFAC_SDN"))
                .andExpect(jsonPath("$.hits[0].entryId").value("36001"))
                .andExpect(jsonPath("$.hits[0].entryName").value("IVANOV, Sergey Viktorovich"))
                .andExpect(jsonPath("$.hits[0].matchedName").value("Sergei IVANOV"))
                .andExpect(jsonPath("$.hits[0].score").value(1.0))
                .andExpect(jsonPath("$.hits[0].reasons[0]")
                        .value("name 'Ivanov Sergei' ~ alias 'Sergei IVANOV' 1.00 (tokens reordered)"))
                .andExpect(jsonPath("$.hits[0].reasons[1]").value("date of birth 1960-01-01 matches: +0.05"))
                .andExpect(jsonPath("$.hits[0].reasons[2]").value("country RU matches: +0.03"));
    }

    @Test
    void otherScriptsAndLegalFormsAreFound() throws Exception {
        search("senior", """
                {"name": "Mohammed Ali Hassan"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].entryId").value("QDi.900"))
                .andExpect(jsonPath("$.hits[0].reasons[0]", startsWith("name 'Mohammed Ali Hassan' ~ ")));
        search("manager", """
                {"name": "ООО Роснефть Трейдинг", "type": "ORGANISATION"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].entryId").value("EU.7001.12"));
        search("analyst", """
                {"name": "Rosneft Trading Ltd", "type": "PERSON"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits.length()").value(0));
    }

    @Test
    void noHitIsAnEmptyList() throws Exception {
        search("analyst", """
                {"name": "Sergei"}""").andExpect(status().isOk()).andExpect(jsonPath("$.hits.length()").value(0));
        search("analyst", """
                {"name": "Sergei Ivanov", "dateOfBirth": "1990-06-01"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.hits.length()").value(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank name            | {"name": "  "}                                          | name
            no name               | {"country": "RU"}                                       | name
            punctuation only      | {"name": "..--.."}                                      | name
            thirteen words        | {"name": "a b c d e f g h i j k l m"}                   | name
            control character     | {"name": "Sergei\\u0000 Ivanov"}                        | name
            date not a date       | {"name": "Sergei Ivanov", "dateOfBirth": "01/01/1960"}  | dateOfBirth
            impossible date       | {"name": "Sergei Ivanov", "dateOfBirth": "1960-02-30"}  | dateOfBirth
            future date           | {"name": "Sergei Ivanov", "dateOfBirth": "2999-01-01"}  | dateOfBirth
            unknown country       | {"name": "Sergei Ivanov", "country": "Atlantis"}        | country
            unknown type          | {"name": "Sergei Ivanov", "type": "VESSEL"}             | type
            """)
    void badFieldsAreRefusedByName(String description, String body, String field) throws Exception {
        search("analyst", body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void anAbsurdlyLongNameIsRefused() throws Exception {
        search("analyst", "{\"name\": \"" + "a".repeat(201) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        search("analyst", """
                {"name": "", "dateOfBirth": "yesterday", "country": "Nowhere"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("dateOfBirth")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("country")));
    }

    @ParameterizedTest
    @CsvSource({"intake", "designer", "admin"})
    void otherRolesAreRefused(String user) throws Exception {
        search(user, """
                {"name": "Sergei Ivanov"}""").andExpect(status().isForbidden());
    }

    @Test
    void withoutCredentialsNothingIsAnswered() throws Exception {
        mvc.perform(post("/api/v1/screening/search").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Sergei Ivanov\"}")).andExpect(status().isUnauthorized());
    }
}
