package dev.attest.designer.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.designer.ActivityCount;
import dev.attest.designer.CaseProgress;
import dev.attest.designer.DeployedModel;
import dev.attest.designer.DeploymentRefusedException;
import dev.attest.designer.MigrationPreview;
import dev.attest.designer.ModelKind;
import dev.attest.designer.OpenIncident;
import dev.attest.designer.Violation;

/**
 * The designer's access to the engine: deployed versions, their resources, parsing without deploying,
 * deploying, statistics per activity, incidents and migrations. No role checks here: the designer's service
 * checks them before calling.
 */
@Component
public class EngineModels {

    /** At most this many instances are checked one by one in a migration preview. */
    public static final int PREVIEW_LIMIT = 500;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl configuration;
    private final TransactionTemplate dryRun;

    EngineModels(RepositoryService repository, RuntimeService runtime, ManagementService management,
            ProcessEngineConfigurationImpl configuration, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.configuration = configuration;
        this.dryRun = new TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every deployed version of every process and decision, by key, newest version first. */
    public List<DeployedModel> deployed() {
        Map<String, Instant> deployedAt = new HashMap<>();
        for (Deployment d : repository.createDeploymentQuery().list()) {
            deployedAt.put(d.getId(), d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant());
        }
        Map<String, Long> running = new HashMap<>();
        Map<String, Long> incidents = new HashMap<>();
        for (var stats : management.createProcessDefinitionStatisticsQuery().includeIncidents().list()) {
            running.put(stats.getId(), (long) stats.getInstances());
            incidents.put(stats.getId(), stats.getIncidentStatistics().stream()
                    .mapToLong(IncidentStatistics::getIncidentCount).sum());
        }
        List<DeployedModel> models = new ArrayList<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
            models.add(process(p, deployedAt.get(p.getDeploymentId()), running.getOrDefault(p.getId(), 0L),
                    incidents.getOrDefault(p.getId(), 0L)));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
            models.add(decision(d, deployedAt.get(d.getDeploymentId())));
        }
        models.sort(Comparator.comparing(DeployedModel::kind).thenComparing(DeployedModel::key)
                .thenComparing(DeployedModel::version, Comparator.reverseOrder()));
        return markLatest(models);
    }

    private static List<DeployedModel> markLatest(List<DeployedModel> sorted) {
        List<DeployedModel> out = new ArrayList<>();
        String previous = null;
        for (DeployedModel m : sorted) {
            String k = m.kind() + "/" + m.key();
            out.add(new DeployedModel(m.id(), m.key(), m.name(), m.kind(), m.version(), !k.equals(previous),
                    m.runningInstances(), m.incidents(), m.resourceName(), m.deploymentId(), m.deployedAt()));
            previous = k;
        }
        return out;
    }

    private static DeployedModel process(ProcessDefinition p, Instant at, long running, long incidents) {
        return new DeployedModel(p.getId(), p.getKey(), p.getName(), ModelKind.BPMN, p.getVersion(), false, running,
                incidents, p.getResourceName(), p.getDeploymentId(), at);
    }

    private static DeployedModel decision(DecisionDefinition d, Instant at) {
        return new DeployedModel(d.getId(), d.getKey(), d.getName(), ModelKind.DMN, d.getVersion(), false, 0, 0,
                d.getResourceName(), d.getDeploymentId(), at);
    }

    /** One version by its definition id (without the statistics of every other version). */
    public Optional<DeployedModel> find(String definitionId) {
        ProcessDefinition p = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
        if (p != null) {
            return Optional.of(processWithCounts(p));
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionId(definitionId)
                .singleResult();
        return Optional.ofNullable(d).map(this::decisionWithLatest);
    }

    /** The latest version of a process or decision. */
    public Optional<DeployedModel> latest(ModelKind kind, String key) {
        return byKey(kind, key, null);
    }

    /** One numbered version of a process or decision (none for numbers below 1). */
    public Optional<DeployedModel> version(ModelKind kind, String key, int version) {
        return version < 1 ? Optional.empty() : byKey(kind, key, version);
    }

    private Optional<DeployedModel> byKey(ModelKind kind, String key, Integer version) {
        if (kind == ModelKind.BPMN) {
            var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
            ProcessDefinition p = (version != null ? query.processDefinitionVersion(version) : query.latestVersion())
                    .singleResult();
            return Optional.ofNullable(p).map(this::processWithCounts);
        }
        var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        DecisionDefinition d = (version != null ? query.decisionDefinitionVersion(version) : query.latestVersion())
                .singleResult();
        return Optional.ofNullable(d).map(this::decisionWithLatest);
    }

    private DeployedModel processWithCounts(ProcessDefinition p) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(p.getKey())
                .latestVersion().singleResult();
        DeployedModel m = process(p, deploymentTime(p.getDeploymentId()),
                runtime.createProcessInstanceQuery().processDefinitionId(p.getId()).count(),
                runtime.createIncidentQuery().processDefinitionId(p.getId()).count());
        return latest != null && latest.getId().equals(p.getId()) ? markLatest(List.of(m)).get(0) : m;
    }

    private DeployedModel decisionWithLatest(DecisionDefinition d) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(d.getKey())
                .latestVersion().singleResult();
        DeployedModel m = decision(d, deploymentTime(d.getDeploymentId()));
        return latest != null && latest.getId().equals(d.getId()) ? markLatest(List.of(m)).get(0) : m;
    }

    private Instant deploymentTime(String deploymentId) {
        Deployment d = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return d == null || d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant();
    }

    /** The file a version was deployed from. */
    public String resource(DeployedModel model) {
        try (InputStream in = repository.getResourceAsStream(model.deploymentId(), model.resourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + model.resourceName(), e);
        }
    }

    /** What the engine's own parser finds wrong with a model, without deploying it. */
    public List<Violation> parse(String resourceName, String xml) {
        // in a transaction of its own that is always rolled back: a parse error must not doom the caller's
        return dryRun.execute(status -> {
            status.setRollbackOnly();
            return parseNow(resourceName, xml);
        });
    }

    private List<Violation> parseNow(String resourceName, String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        List<Violation> problems = new ArrayList<>();
        try {
            if (ModelKind.of(resourceName) == ModelKind.DMN) {
                configuration.getCommandExecutorTxRequired().execute(context -> configuration.getDmnEngine()
                        .parseDecisionRequirementsGraph(new ByteArrayInputStream(bytes)));
            } else {
                configuration.getCommandExecutorTxRequired().execute(context -> {
                    DeploymentEntity deployment = new DeploymentEntity();
                    deployment.setName("validation");
                    ResourceEntity resource = new ResourceEntity();
                    resource.setName(resourceName);
                    resource.setBytes(bytes);
                    deployment.addResource(resource);
                    BpmnParser parser = configuration.getDeployers().stream()
                            .filter(BpmnDeployer.class::isInstance).map(d -> ((BpmnDeployer) d).getBpmnParser())
                            .findFirst().orElseThrow();
                    BpmnParse parse = parser.createParse()
                            .sourceInputStream(new ByteArrayInputStream(bytes)).deployment(deployment)
                            .name(resourceName);
                    parse.execute();
                    return null;
                });
            }
        } catch (ParseException e) {
            e.getResorceReports().forEach(report -> report.getErrors().forEach(p -> problems.add(new Violation(
                    resourceName, p.getMainElementId(), p.getLine(), p.getMessage()))));
            if (problems.isEmpty()) {
                problems.add(new Violation(resourceName, null, 0, e.getMessage()));
            }
        } catch (RuntimeException e) {
            problems.add(new Violation(resourceName, null, 0, rootMessage(e)));
        }
        return problems;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 500 ? m.substring(0, 497) + "..." : m;
    }

    /**
     * Deploys one model as a new deployment (and so a new version of each process or decision in it).
     *
     * @return the versions it created
     * @throws DeploymentRefusedException when the guard or the engine refuse it
     */
    public List<DeployedModel> deploy(String deploymentName, String resourceName, String xml) {
        DeploymentWithDefinitions result;
        try {
            result = repository.createDeployment().name(deploymentName).source("Attest designer")
                    .addString(resourceName, xml).deployWithResult();
        } catch (ParseException e) {
            List<Violation> problems = new ArrayList<>();
            e.getResorceReports().forEach(report -> report.getErrors().forEach(p -> problems.add(new Violation(
                    resourceName, p.getMainElementId(), p.getLine(), p.getMessage()))));
            throw new DeploymentRefusedException(problems.isEmpty()
                    ? List.of(new Violation(resourceName, null, 0, e.getMessage())) : problems);
        } catch (ProcessEngineException e) {
            if (e.getCause() instanceof DeploymentRefusedException refused) {
                throw refused;
            }
            throw new DeploymentRefusedException(List.of(new Violation(resourceName, null, 0, rootMessage(e))));
        }
        Instant at = result.getDeploymentTime() == null ? Instant.now() : result.getDeploymentTime().toInstant();
        List<DeployedModel> created = new ArrayList<>();
        if (result.getDeployedProcessDefinitions() != null) {
            result.getDeployedProcessDefinitions().forEach(p -> created.add(process(p, at, 0, 0)));
        }
        if (result.getDeployedDecisionDefinitions() != null) {
            result.getDeployedDecisionDefinitions().forEach(d -> created.add(decision(d, at)));
        }
        return created;
    }

    /**
     * The names of a process version's elements by id, as the model gives them (line breaks of diagram labels as
     * spaces); elements without a name are left out.
     */
    public Map<String, String> elementNames(String processDefinitionId) {
        Map<String, String> names = new HashMap<>();
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        if (model == null) {
            return names;
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String name = element.getName();
            if (element.getId() != null && name != null && !name.isBlank()) {
                names.put(element.getId(), name.strip().replaceAll("\\s+", " "));
            }
        }
        return names;
    }

    /** Element names per process version, read once each. */
    private Map<String, String> namesOf(Map<String, Map<String, String>> cache, String processDefinitionId) {
        if (processDefinitionId == null) {
            return Map.of();
        }
        return cache.computeIfAbsent(processDefinitionId, this::elementNames);
    }

    /** How many instances of a version wait in each activity, with incidents. */
    public List<ActivityCount> activityCounts(String processDefinitionId) {
        List<ActivityCount> counts = new ArrayList<>();
        Map<String, String> names = elementNames(processDefinitionId);
        for (ActivityStatistics s : management.createActivityStatisticsQuery(processDefinitionId).includeIncidents()
                .list()) {
            counts.add(new ActivityCount(s.getId(), names.get(s.getId()), s.getInstances(),
                    s.getIncidentStatistics().stream().mapToLong(IncidentStatistics::getIncidentCount).sum()));
        }
        counts.sort(Comparator.comparing(ActivityCount::activityId));
        return counts;
    }

    /** Where each running process instance of a case waits. */
    public List<CaseProgress> caseProgress(String caseReference) {
        Map<String, DeployedModel> versions = deployed().stream()
                .collect(Collectors.toMap(DeployedModel::id, m -> m, (a, b) -> a));
        List<CaseProgress> progress = new ArrayList<>();
        Map<String, Map<String, String>> names = new HashMap<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference)
                .orderByProcessInstanceId().asc().list()) {
            Map<String, Long> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list().stream()
                    .filter(i -> i.getActivityId() != null)
                    .collect(Collectors.groupingBy(Incident::getActivityId, Collectors.counting()));
            Map<String, Long> waiting = new LinkedHashMap<>();
            ActivityInstance tree = runtime.getActivityInstance(pi.getId());
            if (tree != null) {
                leaves(tree, waiting);
            }
            Map<String, String> named = namesOf(names, pi.getProcessDefinitionId());
            List<ActivityCount> counts = waiting.entrySet().stream()
                    .map(e -> new ActivityCount(e.getKey(), named.get(e.getKey()), e.getValue(),
                            incidents.getOrDefault(e.getKey(), 0L)))
                    .toList();
            progress.add(new CaseProgress(pi.getId(), versions.get(pi.getProcessDefinitionId()), counts));
        }
        return progress;
    }

    private static void leaves(ActivityInstance instance, Map<String, Long> out) {
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
            out.merge(instance.getActivityId(), 1L, Long::sum);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            leaves(child, out);
        }
        for (var transition : instance.getChildTransitionInstances()) {
            out.merge(transition.getActivityId(), 1L, Long::sum);
        }
    }

    /** Open incidents, of one version or of all when {@code processDefinitionId} is null; newest first. */
    public List<OpenIncident> incidents(String processDefinitionId) {
        var query = runtime.createIncidentQuery().orderByIncidentTimestamp().desc();
        if (processDefinitionId != null) {
            query.processDefinitionId(processDefinitionId);
        }
        List<Incident> found = query.listPage(0, 500);
        Map<String, String> keys = new HashMap<>();
        List<String> instanceIds = found.stream().map(Incident::getProcessInstanceId).filter(id -> id != null)
                .distinct().toList();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).list()
                    .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        return found.stream().map(i -> new OpenIncident(i.getId(), i.getIncidentType(), i.getActivityId(),
                namesOf(names, i.getProcessDefinitionId()).get(i.getActivityId()), i.getIncidentMessage(), i.getProcessInstanceId(), i.getProcessDefinitionId(),
                keys.get(i.getProcessInstanceId()),
                i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant(),
                Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType()) && i.getConfiguration() != null))
                .toList();
    }

    /**
     * Gives the failed job of an incident one more try; the job executor runs it again and the incident is
     * resolved when it succeeds.
     *
     * @return the incident as it was
     */
    public OpenIncident retry(String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new NoSuchElementException("No open incident " + incidentId);
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) || incident.getConfiguration() == null) {
            throw new IllegalStateException("Only incidents of failed jobs can be retried; this one is "
                    + incident.getIncidentType());
        }
        ProcessInstance instance = incident.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).singleResult();
        management.setJobRetries(incident.getConfiguration(), 1);
        return new OpenIncident(incident.getId(), incident.getIncidentType(), incident.getActivityId(),
                namesOf(new HashMap<>(), incident.getProcessDefinitionId()).get(incident.getActivityId()),
                incident.getIncidentMessage(), incident.getProcessInstanceId(), incident.getProcessDefinitionId(),
                instance == null ? null : instance.getBusinessKey(),
                incident.getIncidentTimestamp() == null ? null : incident.getIncidentTimestamp().toInstant(), true);
    }

    private MigrationPlan plan(String sourceId, String targetId) {
        return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
    }

    /**
     * Validates moving the running instances of {@code sourceId} to {@code targetId}: the plan as a whole, then
     * each instance (the engine migrates it in a transaction that is rolled back).
     */
    public MigrationPreview previewMigration(String sourceId, String targetId) {
        MigrationPlan plan;
        try {
            plan = plan(sourceId, targetId);
        } catch (MigrationPlanValidationException e) {
            List<String> problems = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f -> problems.add(
                    r.getMigrationInstruction().getSourceActivityId() + ": " + f)));
            e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures()
                    .forEach(f -> problems.add("variable " + name + ": " + f)));
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
            return new MigrationPreview(sourceId, targetId, problems, List.of());
        }
        List<MigrationPreview.InstanceMove> moves = new ArrayList<>();
        Map<String, String> names = elementNames(sourceId);
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionId(sourceId)
                .orderByProcessInstanceId().asc().listPage(0, PREVIEW_LIMIT)) {
            Map<String, Long> where = new LinkedHashMap<>();
            ActivityInstance tree = runtime.getActivityInstance(pi.getId());
            if (tree != null) {
                leaves(tree, where);
            }
            String reason = dryRun.execute(status -> {
                status.setRollbackOnly();
                try {
                    runtime.newMigration(plan).processInstanceIds(pi.getId()).execute();
                    return null;
                } catch (MigratingProcessInstanceValidationException e) {
                    List<String> failures = new ArrayList<>(e.getValidationReport().getFailures());
                    e.getValidationReport().getActivityInstanceReports().forEach(r -> r.getFailures()
                            .forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
                    e.getValidationReport().getTransitionInstanceReports().forEach(r -> r.getFailures()
                            .forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
                    return failures.isEmpty() ? e.getMessage() : String.join("; ", failures);
                } catch (ProcessEngineException e) {
                    return rootMessage(e);
                }
            });
            moves.add(new MigrationPreview.InstanceMove(pi.getId(), pi.getBusinessKey(), List.copyOf(where.keySet()),
                    where.keySet().stream().map(id -> names.getOrDefault(id, id)).toList(), reason == null, reason));
        }
        return new MigrationPreview(sourceId, targetId, List.of(), moves);
    }

    /** Starts moving these instances as a batch that the job executor works off. */
    public String migrate(String sourceId, String targetId, List<String> processInstanceIds) {
        Batch batch = runtime.newMigration(plan(sourceId, targetId)).processInstanceIds(processInstanceIds)
                .executeAsync();
        return batch.getId();
    }

    /** Whether a migration batch is still running (it is removed when its last job has run). */
    public boolean batchRunning(String batchId) {
        return management.createBatchQuery().batchId(batchId).count() > 0;
    }
}
