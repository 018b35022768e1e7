package dev.attest.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.workflow.ProcessBeans;

/**
 * The designer against the real engine: every guard refusal stops a deployment before anything runs, however
 * it is deployed; a valid change becomes version n+1 that new instances use while running ones stay; a
 * migration moves a waiting instance; only designers may change anything.
 */
@AttestTest
class DesignerTests {

    static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired Designer designer;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired AuditTrail audit;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired ProcessBeans processBeans;
    @Autowired ZoneId zone;
    @Autowired CaseIntake caseIntake;

    static final Path PWNED = Path.of("/tmp/attest-pwned");

    static String probe(String key, String taskName, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_%1$s" targetNamespace="https://attest.dev">
                  <bpmn:process id="%1$s" name="Designer probe" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Check" />
                    <bpmn:userTask id="Task_Check" name="%2$s" camunda:candidateGroups="analyst" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="End" />
                    <bpmn:endEvent id="End" />
                %3$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, taskName, extra);
    }

    static String newKey() {
        return "DesignerProbe" + KEYS.incrementAndGet();
    }

    <T> T asDesigner(Supplier<T> work) {
        return RunAs.user("designer", work, Role.DESIGNER);
    }

    DraftModel draftWith(String xml) {
        return asDesigner(() -> {
            DraftModel d = designer.newDraft(ModelKind.BPMN, "probe " + KEYS.get());
            return designer.save(d.id(), d.version(), xml);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task      | <bpmn:scriptTask id="Task_Evil" scriptFormat="groovy"><bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask> | Script tasks
            bean outside     | <bpmn:serviceTask id="Task_Evil" camunda:expression="${someBean.deleteAll()}" />                                        | 'someBean' is not one of Attest's process beans
            java class       | <bpmn:serviceTask id="Task_Evil" camunda:class="java.lang.Runtime" />                                                    | Java classes
            groovy condition | <bpmn:sequenceFlow id="Task_Evil" sourceRef="Start" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow> | Script conditions
            """)
    void eachGuardRefusalNamesTheElementAndDeploysNothing(String what, String element, String message) {
        String key = newKey();
        DraftModel draft = draftWith(probe(key, "Check", element));
        List<Violation> problems = asDesigner(() -> designer.validate(draft.id()));
        assertThat(problems).as(what).anySatisfy(v -> {
            assertThat(v.elementId()).isEqualTo("Task_Evil");
            assertThat(v.message()).contains(message);
        });
        assertThatThrownBy(() -> asDesigner(() -> designer.deploy(draft.id())))
                .isInstanceOf(DeploymentRefusedException.class).hasMessageContaining("Task_Evil");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

        assertThatThrownBy(() -> repository.createDeployment().addString("evil.bpmn", probe(key, "Check", element))
                .deploy()).as("deployed through the engine's API").hasMessageContaining("Task_Evil")
                .hasMessageContaining(message);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    /**
     * Every hostile family, on two routes: the designer (Validate and Deploy) and the engine's repository service,
     * which is what the class-path deployment at start-up calls (the guard runs there as the engine's pre-deployer).
     * Nothing is deployed, and no command ran.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attest.designer.HostileModels#all")
    void everyHostileFamilyIsRefusedByTheDesignerAndTheEngineAndDeploysNothing(HostileModels.Hostile hostile)
            throws Exception {
        assumeFalse(hostile.onlyWithModelCallable() && processBeans.allows("camundaCaseWorkflow"),
                "engine adapters are callable until they leave the process packages");
        Files.deleteIfExists(PWNED);
        String key = newKey();
        String xml = hostile.xml().apply(key);
        ModelKind kind = hostile.resource().endsWith(".dmn") ? ModelKind.DMN : ModelKind.BPMN;
        DraftModel draft = asDesigner(() -> {
            DraftModel d = designer.newDraft(kind, "hostile " + key);
            return designer.save(d.id(), d.version(), xml);
        });
        assertThat(asDesigner(() -> designer.validate(draft.id()))).anySatisfy(v -> {
            assertThat(v.elementId()).isEqualTo(hostile.elementId());
            assertThat(v.message()).contains(hostile.message());
        });
        assertThatThrownBy(() -> asDesigner(() -> designer.deploy(draft.id())))
                .isInstanceOf(DeploymentRefusedException.class).hasMessageContaining(hostile.message());
        assertThatThrownBy(() -> repository.createDeployment().addString(hostile.resource(), xml).deploy())
                .as("deployed through the engine's API").hasMessageContaining(hostile.message());
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()
                + repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
        assertThat(PWNED).doesNotExist();
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedEverywhere() {
        String key = newKey();
        String xml = probe(key, "&xxe;", "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        DraftModel draft = draftWith(xml);
        assertThat(asDesigner(() -> designer.validate(draft.id()))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("DOCTYPE"));
        assertThatThrownBy(() -> repository.createDeployment().addString("xxe.bpmn", xml).deploy())
                .hasMessageContaining("DOCTYPE");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void theEngineResolvesOnlyProcessBeansAndRunsNoScripts() {
        Object sla = engine.getCommandExecutorTxRequired().execute(c -> engine.getExpressionManager()
                .createExpression("${slaTimers}").getValue(StartProcessVariableScope.getSharedInstance()));
        assertThat(sla).isNotNull();
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(c -> engine.getExpressionManager()
                .createExpression("${designer}").getValue(StartProcessVariableScope.getSharedInstance())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("designer");
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(c -> engine.getExpressionManager()
                .createExpression("${dataSource}").getValue(StartProcessVariableScope.getSharedInstance())))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(c -> engine.getScriptingEngines()
                .getScriptEngineForLanguage("javascript"))).hasMessageContaining("Can't find scripting engine");
        assertThatThrownBy(() -> engine.getScriptFactory().createScriptFromSource("groovy", "1"))
                .hasMessageContaining("Scripts are disabled");
        assertThat(engine.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
    }

    @Test
    void aValidChangeDeploysAsTheNextVersionAndAWaitingInstanceMigrates() {
        String key = newKey();
        Designer.Deployed v1 = asDesigner(() -> designer.deploy(draftWith(probe(key, "Check probe", "")).id()));
        assertThat(v1.versions()).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(1));
        String v1Id = v1.versions().get(0).id();
        ProcessInstance old = runtime.startProcessInstanceByKey(key, "ATT-PROBE-1");

        DraftModel copy = asDesigner(() -> designer.draftFrom(v1Id));
        assertThat(copy.basedOn()).isEqualTo(v1Id);
        DraftModel renamed = asDesigner(() -> designer.save(copy.id(), copy.version(),
                copy.xml().replace("name=\"Check probe\"", "name=\"Check the probe carefully\"")));
        assertThatThrownBy(() -> asDesigner(() -> designer.save(copy.id(), copy.version(), copy.xml())))
                .as("a save over someone else's, with its time in the consultancy's zone")
                .isInstanceOf(ConcurrentModificationException.class)
                .hasMessageContaining("saved by designer at " + DateTimeFormatter
                        .ofPattern("d MMM HH:mm", Locale.ENGLISH).format(renamed.updatedAt().atZone(zone)));
        Designer.DeployImpact impact = asDesigner(() -> designer.impact(renamed.id()));
        assertThat(impact.deployable()).isTrue();
        assertThat(impact.replaces().id()).isEqualTo(v1Id);
        assertThat(impact.staying()).as("the running case would stay on v1").isEqualTo(1);
        ModelChanges changes = asDesigner(() -> designer.changes(renamed.id()));
        assertThat(changes.added()).isEmpty();
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("Task_Check");
            assertThat(c.detail()).contains("name: \"Check probe\" → \"Check the probe carefully\"");
        });

        Designer.Deployed v2 = asDesigner(() -> designer.deploy(renamed.id()));
        DeployedModel second = v2.versions().get(0);
        assertThat(second.version()).isEqualTo(2);
        assertThat(v2.replaced()).extracting(DeployedModel::id).containsExactly(v1Id);
        assertThat(v2.staying()).as("the deployment says who stays behind").isEqualTo(1);
        assertThat(v2.sha256()).hasSize(64);
        assertThat(asDesigner(designer::drafts)).extracting(DraftModel::id).doesNotContain(renamed.id());
        assertThat(asDesigner(designer::deployments)).anySatisfy(r -> {
            assertThat(r.deploymentId()).isEqualTo(v2.deploymentId());
            assertThat(r.deployedBy()).isEqualTo("designer");
            assertThat(r.resources()).contains("sha256:" + v2.sha256());
            assertThat(r.changes()).contains("~ userTask Task_Check");
        });
        assertThat(RunAs.user("admin", () -> audit.about(v2.deploymentId()), Role.ADMIN)).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo(AuditTrail.Action.DEPLOYMENT));
        assertThat(asDesigner(designer::deployed)).filteredOn(m -> m.key().equals(key))
                .extracting(DeployedModel::version, DeployedModel::latest, DeployedModel::runningInstances)
                .containsExactly(Tuple.tuple(2, true, 0L),
                        Tuple.tuple(1, false, 1L));

        ProcessInstance fresh = runtime.startProcessInstanceByKey(key, "ATT-PROBE-2");
        assertThat(fresh.getProcessDefinitionId()).isEqualTo(second.id());
        assertThat(tasks.createTaskQuery().processInstanceId(fresh.getId()).singleResult().getName())
                .isEqualTo("Check the probe carefully");
        assertThat(tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getName())
                .as("the running case stays on its version").isEqualTo("Check probe");
        assertThat(asDesigner(() -> designer.activityCounts(v1Id)))
                .containsExactly(new ActivityCount("Task_Check", "Check probe", 1, 0));
        assertThat(asDesigner(() -> designer.caseProgress("ATT-PROBE-1"))).singleElement().satisfies(p -> {
            assertThat(p.definition().id()).isEqualTo(v1Id);
            assertThat(p.activities()).containsExactly(new ActivityCount("Task_Check", "Check probe", 1, 0));
            assertThat(p.activities().get(0).label()).as("steps are named by their labels").isEqualTo("Check probe");
        });

        MigrationPreview preview = asDesigner(() -> designer.previewMigration(v1Id, second.id()));
        assertThat(preview.planValid()).isTrue();
        assertThat(preview.instances()).singleElement().satisfies(m -> {
            assertThat(m.caseReference()).isEqualTo("ATT-PROBE-1");
            assertThat(m.activities()).containsExactly("Task_Check");
            assertThat(m.steps()).containsExactly("Check probe");
            assertThat(m.canMove()).isTrue();
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(old.getId()).singleResult()
                .getProcessDefinitionId()).as("the preview moved nothing").isEqualTo(v1Id);

        Designer.MigrationStarted started = asDesigner(() -> designer.migrate(v1Id, second.id()));
        assertThat(started.moving()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(old.getId()).singleResult().getProcessDefinitionId().equals(second.id()));
        assertThat(RunAs.user("admin", () -> audit.about(started.batchId()), Role.ADMIN)).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo(AuditTrail.Action.MIGRATION));
        String taskId = tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getId();
        tasks.complete(taskId);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(old.getId()).count())
                .as("the moved instance finishes on the new version").isZero();
    }

    @Test
    void aDraftThatChangesNothingIsNotDeployed() {
        String key = newKey();
        String v1Id = asDesigner(() -> designer.deploy(draftWith(probe(key, "Check", "")).id())).versions().get(0).id();
        DraftModel copy = asDesigner(() -> designer.draftFrom(v1Id));
        Designer.DeployImpact impact = asDesigner(() -> designer.impact(copy.id()));
        assertThat(impact.deployable()).isFalse();
        assertThat(impact.refusal()).isEqualTo("The draft changes nothing against v1 (the layout aside): there is "
                + "nothing to deploy");
        assertThatThrownBy(() -> asDesigner(() -> designer.deploy(copy.id())))
                .isInstanceOf(DeploymentRefusedException.class)
                .satisfies(e -> assertThat(((DeploymentRefusedException) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).startsWith("The draft changes nothing")));
        assertThat(asDesigner(designer::deployed)).filteredOn(m -> m.key().equals(key)).as("no new version")
                .hasSize(1);
        assertThat(asDesigner(designer::drafts)).extracting(DraftModel::id).as("the draft is kept").contains(copy.id());

        DraftModel moved = asDesigner(() -> designer.save(copy.id(), copy.version(),
                copy.xml().replace("</bpmn:definitions>", "<!-- moved a shape --></bpmn:definitions>")));
        assertThat(asDesigner(() -> designer.impact(moved.id())).deployable()).as("layout is no change").isFalse();
        DraftModel renamed = asDesigner(() -> designer.save(copy.id(), moved.version(),
                copy.xml().replace("name=\"Check\"", "name=\"Check twice\"")));
        assertThat(asDesigner(() -> designer.impact(renamed.id())).deployable()).isTrue();
        assertThat(asDesigner(() -> designer.deploy(renamed.id())).versions()).singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));
    }

    @Test
    void stepsOfAttestsOwnModelsAreNamedByTheirLabels() {
        var request = new CaseIntakeRequest("ACCOUNT_RECOVERY_2FA",
                new CaseIntakeRequest.ClientInput("Step Names", "steps@example.com", null, null, "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null,
                        new CaseIntakeRequest.AddressInput("1 Main St", null, "Austin", "TX", "78701",
                                "US")),
                null, null);
        String reference = RunAs.user("intake", () -> caseIntake.open(request), Role.INTAKE).getReference();
        assertThat(asDesigner(() -> designer.caseProgress(reference)))
                .filteredOn(p -> p.definition().key().equals("CaseIntake")).singleElement()
                .satisfies(p -> {
                    assertThat(p.activities()).extracting(ActivityCount::activityId)
                            .containsExactly("CallActivity_TwoFactorReset");
                    assertThat(p.activities()).extracting(ActivityCount::label)
                            .containsExactly("Reset two-step verification");
                });
    }

    @Test
    void aMigrationThatCannotMapAWaitingActivityIsShownAndNothingMoves() {
        String key = newKey();
        String v1Id = asDesigner(() -> designer.deploy(draftWith(probe(key, "Check", "")).id())).versions().get(0).id();
        runtime.startProcessInstanceByKey(key, "ATT-PROBE-3");
        String v2Xml = probe(key, "Check", "").replace("Task_Check", "Task_Other");
        String v2Id = asDesigner(() -> designer.deploy(draftWith(v2Xml).id())).versions().get(0).id();
        MigrationPreview preview = asDesigner(() -> designer.previewMigration(v1Id, v2Id));
        assertThat(preview.instances()).singleElement().satisfies(m -> {
            assertThat(m.canMove()).isFalse();
            assertThat(m.reason()).contains("Task_Check");
        });
        assertThatThrownBy(() -> asDesigner(() -> designer.migrate(v1Id, v2Id)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyDesignersChangeModelsAndAdminsMayOnlyLook() {
        for (Role role : List.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE)) {
            assertThatThrownBy(() -> RunAs.user("someone", designer::deployed, role)).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> designer.newDraft(ModelKind.BPMN, "x"), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> designer.deploy(1L), role))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(RunAs.user("admin", designer::deployed, Role.ADMIN)).isNotEmpty();
        assertThatThrownBy(() -> RunAs.user("admin", () -> designer.newDraft(ModelKind.BPMN, "x"), Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> designer.deployed()).as("anonymous")
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void attestsOwnModelsAreListedAndExportedAsDeployed() throws Exception {
        List<DeployedModel> all = asDesigner(designer::deployed);
        assertThat(all).extracting(DeployedModel::key).contains("CaseIntake", "DocumentCheck", "TwoFactorReset");
        DeployedModel intake = all.stream().filter(m -> m.key().equals("CaseIntake") && m.latest()).findFirst()
                .orElseThrow();
        String exported = asDesigner(() -> designer.xml(intake.id()));
        assertThat(exported).contains("id=\"CaseIntake\"");
        assertThat(all).anySatisfy(m -> assertThat(m.kind()).isEqualTo(ModelKind.DMN));
    }

    /**
     * A legitimate model still deploys: every model of the repository's bpmn/ folder, as deployed at start-up, is
     * downloaded from the designer and deployed again through the same checks (the guard with the real allow-list
     * of process beans, then the engine), and becomes the next version.
     */
    @Test
    void everyAttestModelDownloadedAndDeployedAgainPasses() throws Exception {
        List<Path> files;
        try (var listing = Files.list(Path.of("bpmn"))) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            DeployedModel latest = asDesigner(designer::deployed).stream()
                    .filter(m -> m.latest() && m.resourceName().endsWith(file.getFileName().toString()))
                    .findFirst().orElseThrow(() -> new AssertionError("not deployed at start-up: " + file));
            String downloaded = asDesigner(() -> designer.xml(latest.id()));
            assertThat(guard().check(file.getFileName().toString(), downloaded.getBytes(StandardCharsets.UTF_8)))
                    .as(file.toString()).isEmpty();
            Designer.Deployed again = asDesigner(() -> designer.deployFile(file.getFileName().toString(),
                    downloaded.getBytes(StandardCharsets.UTF_8)));
            assertThat(again.versions()).as(file.toString()).anySatisfy(v -> {
                assertThat(v.key()).isEqualTo(latest.key());
                assertThat(v.version()).isGreaterThan(latest.version());
            });
        }
    }

    DeploymentGuard guard() {
        return new DeploymentGuard(processBeans::allows);
    }

    @Test
    void newDecisionsAndProcessesStartValid() {
        DraftModel process = asDesigner(() -> designer.newDraft(ModelKind.BPMN, "Supplier check"));
        assertThat(process.resourceName()).isEqualTo("supplier-check.bpmn");
        assertThat(asDesigner(() -> designer.validate(process.id()))).isEmpty();
        DraftModel decision = asDesigner(() -> designer.newDraft(ModelKind.DMN, "Risk rating"));
        assertThat(asDesigner(() -> designer.validate(decision.id()))).isEmpty();
        assertThatThrownBy(() -> asDesigner(() -> designer.newDraft(ModelKind.BPMN, "  ")))
                .isInstanceOf(IllegalArgumentException.class);
        DraftModel broken = asDesigner(() -> designer.save(process.id(), process.version(),
                process.xml().replace("<bpmn:startEvent id=\"StartEvent_1\" name=\"Started\" />",
                        "<bpmn:startEvent id=\"StartEvent_1\" /><bpmn:sequenceFlow id=\"Flow_X\" sourceRef=\"StartEvent_1\" targetRef=\"Nowhere\" />")));
        assertThat(asDesigner(() -> designer.validate(broken.id()))).as("the engine's parser")
                .anySatisfy(v -> assertThat(v.message()).contains("Nowhere"));
        asDesigner(() -> {
            designer.deleteDraft(process.id());
            designer.deleteDraft(decision.id());
            return null;
        });
    }

    static String failingProbe(String key) {
        return probe(key, "Check", """
                <bpmn:serviceTask id="Task_Compute" camunda:asyncBefore="true" camunda:expression="${slaTimers.breach(taskKey)}" />
                """).replace("targetRef=\"Task_Check\"", "targetRef=\"Task_Compute\"")
                .replace("<bpmn:endEvent id=\"End\" />",
                        "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Task_Compute\" targetRef=\"Task_Check\" /><bpmn:endEvent id=\"End\" />");
    }

    @Test
    void anIncidentIsListedWithItsCaseAndARetryRunsTheJobAgain() {
        String key = newKey();
        String id = asDesigner(() -> designer.deploy(draftWith(failingProbe(key)).id())).versions().get(0).id();
        ProcessInstance pi = runtime.startProcessInstanceByKey(key, "ATT-PROBE-9");
        await().atMost(Duration.ofSeconds(60)).until(() -> !asDesigner(() -> designer.incidents(id)).isEmpty());
        OpenIncident incident = asDesigner(() -> designer.incidents(id)).get(0);
        assertThat(incident.caseReference()).isEqualTo("ATT-PROBE-9");
        assertThat(incident.activityId()).isEqualTo("Task_Compute");
        assertThat(incident.message()).contains("taskKey");
        assertThat(incident.retryable()).isTrue();
        assertThat(incident.activityName()).as("the step has no name in the model").isNull();
        assertThat(incident.activityLabel()).isEqualTo("Task_Compute");
        assertThat(asDesigner(() -> designer.activityCounts(id)))
                .containsExactly(new ActivityCount("Task_Compute", null, 1, 1));

        runtime.setVariable(pi.getId(), "taskKey", "Task_ReviewDocument");
        RunAs.user("admin", () -> designer.retry(incident.id()), Role.ADMIN);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(pi.getId())
                .count() == 1);
        assertThat(asDesigner(() -> designer.incidents(id))).isEmpty();
        assertThat(RunAs.user("admin", () -> audit.about(incident.id()), Role.ADMIN)).singleElement()
                .satisfies(a -> {
                    assertThat(a.action()).isEqualTo(AuditTrail.Action.INCIDENT_RETRY);
                    assertThat(a.who()).isEqualTo("admin");
                });
        assertThatThrownBy(() -> RunAs.user("analyst", () -> designer.retry(incident.id()), Role.ANALYST))
                .isInstanceOf(AccessDeniedException.class);
    }
}
