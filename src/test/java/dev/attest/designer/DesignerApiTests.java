package dev.attest.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.attest.AttestTest;
import dev.attest.workflow.ProcessBeans;

/**
 * {@code /api/v1/designer}: a designer deploys a file as a new version; a refused file answers 422 naming the
 * element and deploys nothing; other roles get 403, nobody 401; versions and their files can be read back.
 */
@AttestTest
class DesignerApiTests {

    @Autowired MockMvc mvc;
    @Autowired RepositoryService repository;
    @Autowired ProcessBeans processBeans;

    MockMultipartFile file(String name, String xml) {
        return new MockMultipartFile("file", name, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDesignerDeploysAFileAndReadsItBack() throws Exception {
        String key = DesignerTests.newKey();
        mvc.perform(multipart("/api/v1/designer/deployments").file(file("probe.bpmn",
                DesignerTests.probe(key, "Check", ""))).with(httpBasic("designer", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions[0].key").value(key))
                .andExpect(jsonPath("$.versions[0].version").value(1))
                .andExpect(jsonPath("$.sha256").isString())
                .andExpect(jsonPath("$.changes.added[?(@.id == 'Task_Check')]").exists());
        String id = repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId();
        String xml = mvc.perform(get("/api/v1/designer/models/" + id + "/xml").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(xml).contains("id=\"" + key + "\"");
        mvc.perform(get("/api/v1/designer/models").with(httpBasic("designer", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.key == '" + key + "')].latest").value(true));
        mvc.perform(get("/api/v1/designer/models/nope/xml").with(httpBasic("designer", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedFileAnswers422WithTheElementAndDeploysNothing() throws Exception {
        String key = DesignerTests.newKey();
        mvc.perform(multipart("/api/v1/designer/deployments").file(file("evil.bpmn", DesignerTests.probe(key, "Check",
                "<bpmn:serviceTask id=\"Task_Evil\" camunda:class=\"java.lang.Runtime\" />")))
                .with(httpBasic("designer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Deployment refused"))
                .andExpect(jsonPath("$.violations[0].elementId").value("Task_Evil"));
        mvc.perform(multipart("/api/v1/designer/deployments").file(file("../../etc/evil.groovy", "println 1"))
                .with(httpBasic("designer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("Only BPMN")));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    /** The designer API route for every hostile family: 422 naming element and reason, nothing deployed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attest.designer.HostileModels#all")
    void everyHostileFamilyAnswers422AndDeploysNothing(HostileModels.Hostile hostile) throws Exception {
        assumeFalse(hostile.onlyWithModelCallable() && processBeans.allows("camundaCaseWorkflow"),
                "engine adapters are callable until they leave the process packages");
        String key = DesignerTests.newKey();
        var result = mvc.perform(multipart("/api/v1/designer/deployments")
                .file(file(hostile.resource(), hostile.xml().apply(key))).with(httpBasic("designer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Deployment refused"))
                .andExpect(jsonPath("$.violations[*].message", hasItem(containsString(hostile.message()))));
        if (hostile.elementId() != null) {
            result.andExpect(jsonPath("$.violations[*].elementId", hasItem(hostile.elementId())));
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()
                + repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
    }

    @Test
    void onlyDesignersDeploy() throws Exception {
        for (String user : new String[] {"analyst", "manager", "admin", "intake"}) {
            mvc.perform(multipart("/api/v1/designer/deployments").file(file("p.bpmn",
                    DesignerTests.probe(DesignerTests.newKey(), "Check", ""))).with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/designer/models").with(httpBasic("analyst", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/designer/models")).andExpect(status().isUnauthorized());
    }
}
