package dev.attest.screening;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.attest.AttestTest;

/**
 * {@code /api/v1/screening/lists}: an administrator loads a list file (201 with the version), the same file again is
 * 409 "unchanged", a malformed file is 400 naming the line; only administrators load (403 for every other role, 401
 * without credentials); staff read the versions.
 */
@AttestTest
class ScreeningListApiTests {

    @Autowired MockMvc mvc;
    @Autowired SanctionsLists lists;

    static MockMultipartFile part(String name, String fileName, byte[] bytes) {
        return new MockMultipartFile(name, fileName, "application/octet-stream", bytes);
    }

    @Test
    void anAdministratorLoadsTheOfacCsvWithItsAliasesAndGetsTheVersion() throws Exception {
        SanctionsListsTests.loadSomethingElse(lists, ListFormat.OFAC_SDN_CSV);
        Map<String, byte[]> files = SampleLists.files(ListFormat.OFAC_SDN_CSV, SampleLists.first());

        mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "sdn.csv", files.get("file")))
                .file(part("aliases", "alt.csv", files.get("aliases"))).param("format", "OFAC_SDN_CSV")
                .with(httpBasic("admin", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.list").value("OFAC_SDN"))
                .andExpect(jsonPath("$.format").value("OFAC_SDN_CSV"))
                .andExpect(jsonPath("$.entries").value(3))
                .andExpect(jsonPath("$.sha256").isString())
                .andExpect(jsonPath("$.added").isNumber())
                .andExpect(jsonPath("$.removed").isNumber())
                .andExpect(jsonPath("$.changed").isNumber())
                .andExpect(jsonPath("$.loadedBy").value("admin"))
                .andExpect(jsonPath("$.loadedAt").isString())
                .andExpect(jsonPath("$.inForce").value(true));

        // the same two files as a zip: the same SHA-256, unchanged
        byte[] zip = SampleLists.zip(Map.of("sdn.csv", files.get("file"), "alt.csv", files.get("aliases")));
        mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "sdn.zip", zip))
                .param("format", "OFAC_SDN_CSV").with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Unchanged"))
                .andExpect(jsonPath("$.inForce.list").value("OFAC_SDN"));
    }

    @Test
    void aMalformedFileIs400NamingTheLineAndABadFormatNamesTheFormat() throws Exception {
        String xml = SampleLists.ofacXml("02/01/2024", SampleLists.first()).replaceFirst("<uid>1001</uid>", "");
        mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "sdn.xml", SampleLists.bytes(xml)))
                .param("format", "OFAC_SDN_XML").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("sdn.xml line 7: sdnEntry without uid")));
        mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "sdn.xml", SampleLists.bytes(xml)))
                .param("format", "PDF").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(multipart("/api/v1/screening/lists").param("format", "UN_XML").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void onlyAdministratorsLoadAndStaffReadTheVersions() throws Exception {
        byte[] un = SampleLists.files(ListFormat.UN_XML, SampleLists.first()).get("file");
        for (String user : new String[] {"analyst", "senior", "manager", "intake", "designer"}) {
            mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "un.xml", un)).param("format", "UN_XML")
                    .with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/api/v1/screening/lists").file(part("file", "un.xml", un)).param("format", "UN_XML"))
                .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/screening/lists").param("format", "PDF").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        for (String user : new String[] {"analyst", "senior", "manager", "intake", "admin"}) {
            mvc.perform(get("/api/v1/screening/lists").with(httpBasic(user, "demo"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/screening/lists").with(httpBasic("designer", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/screening/lists")).andExpect(status().isUnauthorized());
    }
}
