package dev.attest.designer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.designer.internal.DeploymentRecord;
import dev.attest.designer.internal.DeploymentRecords;
import dev.attest.designer.internal.Draft;
import dev.attest.designer.internal.Drafts;
import dev.attest.designer.internal.engine.EngineModels;
import dev.attest.identity.CurrentUser;
import dev.attest.workflow.ProcessBeans;

/**
 * The process designer's work: deployed versions and where cases stand on them, drafts saved as they are
 * edited, validation (the deployment guard, then the engine's own parser), the changes a draft makes, deploying
 * a draft as a new version (audited with the hash of the file and the changes), migrating running instances
 * between versions, and retrying incidents. Changing anything takes the DESIGNER role; ADMIN may look and retry.
 */
@Service
public class Designer {

    /**
     * A deployment made through the designer.
     *
     * @param replaced the versions the new ones replace as the latest, with the running instances that stay on
     *        them until they are migrated (empty for a new process or decision)
     */
    public record Deployed(String deploymentId, List<DeployedModel> versions, String sha256, ModelChanges changes,
            List<DeployedModel> replaced) {

        /** How many running instances stay on the versions replaced. */
        public long staying() {
            return replaced.stream().mapToLong(DeployedModel::runningInstances).sum();
        }
    }

    /**
     * What deploying a draft would do, before it is done.
     *
     * @param changes what the draft changes against the latest deployed version of its model
     * @param replaces that latest version, with the running instances that would stay on it; {@code null} for a
     *        new model
     * @param refusal why the draft cannot be deployed as it is, or {@code null} when it can
     */
    public record DeployImpact(ModelChanges changes, DeployedModel replaces, String refusal) {

        public boolean deployable() {
            return refusal == null;
        }

        /** How many running instances stay on the version replaced. */
        public long staying() {
            return replaces == null ? 0 : replaces.runningInstances();
        }
    }

    /** The record of one deployment, as kept. */
    public record DeploymentEntry(String deploymentId, String deployedBy, Instant deployedAt,
            String resources, String definitions, String changes) {
    }

    private static final String DESIGNER = "ROLE_DESIGNER";
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final String ADMIN = "ROLE_ADMIN";

    private final EngineModels engine;
    private final Drafts drafts;
    private final DeploymentRecords records;
    private final AuditTrail audit;
    private final DeploymentGuard guard;
    private final Clock clock;
    private final ZoneId zone;

    Designer(EngineModels engine, Drafts drafts, DeploymentRecords records, AuditTrail audit, ProcessBeans beans,
            Clock clock, ZoneId zone) {
        this.engine = engine;
        this.drafts = drafts;
        this.records = records;
        this.audit = audit;
        this.guard = new DeploymentGuard(beans::allows);
        this.clock = clock;
        this.zone = zone;
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<DeployedModel> deployed() {
        return engine.deployed();
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public DeployedModel model(String definitionId) {
        return engine.find(definitionId).orElseThrow(() -> new ModelNotFoundException(
                "No deployed process or decision " + definitionId));
    }

    /** The file a version was deployed from, for the repository's bpmn/ folder. */
    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public String xml(String definitionId) {
        return engine.resource(model(definitionId));
    }

    @Secured(DESIGNER)
    @Transactional(readOnly = true)
    public List<DraftModel> drafts() {
        return drafts.findAllByOrderByUpdatedAtDesc().stream().map(Designer::view).toList();
    }

    @Secured(DESIGNER)
    @Transactional(readOnly = true)
    public DraftModel draft(long id) {
        return view(find(id));
    }

    /** A new draft with an empty process (a start event) or decision table. */
    @Secured(DESIGNER)
    @Transactional
    public DraftModel newDraft(ModelKind kind, String name) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new IllegalArgumentException("Give the new model a name of 1 to 100 characters");
        }
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "model";
        }
        String key = "Attest_" + slug.replace('-', '_');
        String xml = kind == ModelKind.DMN ? Templates.decision(key, title) : Templates.process(key, title);
        String resource = slug + (kind == ModelKind.DMN ? ".dmn" : ".bpmn");
        return view(drafts.save(new Draft(title, kind, resource, null, xml, me(), clock.instant())));
    }

    /** A new draft holding a deployed version, to change it. */
    @Secured(DESIGNER)
    @Transactional
    public DraftModel draftFrom(String definitionId) {
        DeployedModel model = model(definitionId);
        String xml = engine.resource(model);
        String name = (model.name() == null ? model.key() : model.name()) + " (from v" + model.version() + ")";
        String file = model.resourceName().replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        return view(drafts.save(new Draft(name, model.kind(), file, model.id(), xml, me(), clock.instant())));
    }

    /**
     * Saves the draft's XML. {@code expectedVersion} is the version the editor loaded: if someone saved in
     * between, nothing is saved and the caller is told who.
     */
    @Secured(DESIGNER)
    @Transactional
    public DraftModel save(long id, long expectedVersion, String xml) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("The model is empty");
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > DeploymentGuard.MAX_BYTES) {
            throw new IllegalArgumentException("The model is larger than " + DeploymentGuard.MAX_BYTES + " bytes");
        }
        Draft draft = find(id);
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentModificationException("This draft was saved by " + draft.getUpdatedBy() + " at "
                    + SAVED_AT.format(draft.getUpdatedAt().atZone(zone)) + " after you opened it; reopen it to see "
                    + "their changes");
        }
        draft.update(xml, me(), clock.instant());
        drafts.saveAndFlush(draft);
        return view(draft);
    }

    @Secured(DESIGNER)
    @Transactional
    public void deleteDraft(long id) {
        drafts.delete(find(id));
    }

    /** What stops the draft from being deployed: the guard's refusals, then the engine parser's errors. */
    @Secured(DESIGNER)
    @Transactional(readOnly = true)
    public List<Violation> validate(long draftId) {
        Draft draft = find(draftId);
        return check(draft.getResourceName(), draft.getContent());
    }

    private List<Violation> check(String resourceName, String xml) {
        List<Violation> found = guard.check(resourceName, xml.getBytes(StandardCharsets.UTF_8));
        if (!found.isEmpty()) {
            return found;
        }
        return engine.parse(resourceName, xml);
    }

    /** The changes the draft makes against the latest deployed version of the model it started from. */
    @Secured(DESIGNER)
    @Transactional(readOnly = true)
    public ModelChanges changes(long draftId) {
        Draft draft = find(draftId);
        String deployed = baseline(draft).map(engine::resource).orElse("<definitions/>");
        return ModelDiff.compare(deployed, draft.getContent());
    }

    /**
     * What deploying the draft would do: its changes, the version it replaces and how many running instances stay
     * there, and why it cannot be deployed when it changes nothing.
     */
    @Secured(DESIGNER)
    @Transactional(readOnly = true)
    public DeployImpact impact(long draftId) {
        return impact(find(draftId));
    }

    private DeployImpact impact(Draft draft) {
        Optional<DeployedModel> replaces = baseline(draft);
        ModelChanges changes;
        try {
            changes = ModelDiff.compare(replaces.map(engine::resource).orElse("<definitions/>"), draft.getContent());
        } catch (IllegalArgumentException unreadable) {
            return new DeployImpact(new ModelChanges(List.of(), List.of(), List.of()), replaces.orElse(null),
                    "Validate the draft and fix its problems first: " + unreadable.getMessage());
        }
        String refusal = replaces.isPresent() && changes.isEmpty()
                ? "The draft changes nothing against v" + replaces.get().version() + " (the layout aside): there is "
                        + "nothing to deploy"
                : null;
        return new DeployImpact(changes, replaces.orElse(null), refusal);
    }

    private Optional<DeployedModel> baseline(Draft draft) {
        if (draft.getBasedOn() == null) {
            return Optional.empty();
        }
        return engine.find(draft.getBasedOn()).flatMap(base -> engine.latest(base.kind(), base.key()));
    }

    /**
     * Deploys the draft as a new version: validated first (refused whole if anything is wrong), then deployed,
     * recorded with who, when, the SHA-256 of the file and the changes, and audited. The draft is removed.
     *
     * @throws DeploymentRefusedException with the problems, when the draft does not validate or changes nothing
     *         against the latest deployed version of its model
     */
    @Secured(DESIGNER)
    @Transactional
    public Deployed deploy(long draftId) {
        Draft draft = find(draftId);
        refuseInvalid(draft.getResourceName(), draft.getContent());
        String refusal = impact(draft).refusal();
        if (refusal != null) {
            throw new DeploymentRefusedException(List.of(new Violation(draft.getResourceName(), null, 0, refusal)));
        }
        Deployed deployed = deployValid("designer: " + draft.getName(), draft.getResourceName(), draft.getContent());
        drafts.delete(draft);
        return deployed;
    }

    /**
     * Deploys a BPMN or DMN file as it comes (from the REST API, e.g. a pipeline deploying the repository's
     * bpmn/ folder), with the same checks, record and audit as a draft.
     */
    @Secured(DESIGNER)
    @Transactional
    public Deployed deployFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (!name.matches("[A-Za-z0-9._-]{1,120}")) {
            throw new DeploymentRefusedException(List.of(new Violation(String.valueOf(fileName), null, 0,
                    "Name the file with letters, digits, dots, dashes or underscores, ending in .bpmn or .dmn")));
        }
        List<Violation> refused = guard.check(name, content);
        if (!refused.isEmpty()) {
            throw new DeploymentRefusedException(refused);
        }
        String xml = new String(content, StandardCharsets.UTF_8);
        if (!Arrays.equals(xml.getBytes(StandardCharsets.UTF_8), content)) {
            throw new DeploymentRefusedException(List.of(new Violation(name, null, 0, "The file is not UTF-8 text")));
        }
        refuseInvalid(name, xml);
        return deployValid("api: " + name, name, xml);
    }

    private void refuseInvalid(String resourceName, String xml) {
        List<Violation> problems = check(resourceName, xml);
        if (!problems.isEmpty()) {
            throw new DeploymentRefusedException(problems);
        }
    }

    /** Deploys a model that passed {@link #refuseInvalid}, records and audits it. */
    private Deployed deployValid(String deploymentName, String resourceName, String xml) {
        List<DeployedModel> versions = engine.deploy(deploymentName, resourceName, xml);
        if (versions.isEmpty()) {
            throw new DeploymentRefusedException(List.of(new Violation(resourceName, null, 0,
                    "The model holds no executable process or decision")));
        }
        // the changes against the version each new one replaces (nothing, for a new key)
        DeployedModel first = versions.get(0);
        String previous = engine.version(first.kind(), first.key(), first.version() - 1).map(engine::resource)
                .orElse("<definitions/>");
        ModelChanges changes = ModelDiff.compare(previous, xml);
        String deploymentId = first.deploymentId();
        String sha = sha256(xml);
        String definitions = String.join(", ", versions.stream().map(v -> v.key() + " v" + v.version()).toList());
        records.save(new DeploymentRecord(deploymentId, me(), clock.instant(), resourceName + " sha256:" + sha,
                abbreviate(definitions, 500), abbreviate(changes.describe(), 100_000)));
        audit.record(AuditTrail.Action.DEPLOYMENT, deploymentId, null, resourceName + " → " + definitions);
        List<DeployedModel> replaced = versions.stream()
                .flatMap(v -> engine.version(v.kind(), v.key(), v.version() - 1).stream()).toList();
        return new Deployed(deploymentId, versions, sha, changes, replaced);
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<DeploymentEntry> deployments() {
        return records.findTop50ByOrderByIdDesc().stream().map(r -> new DeploymentEntry(r.getDeploymentId(),
                r.getDeployedBy(), r.getDeployedAt(), r.getResources(), r.getDefinitions(), r.getChanges())).toList();
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<ActivityCount> activityCounts(String processDefinitionId) {
        requireProcess(processDefinitionId);
        return engine.activityCounts(processDefinitionId);
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<CaseProgress> caseProgress(String caseReference) {
        if (caseReference == null || !caseReference.strip().matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("A case reference looks like ATT-2026-00042");
        }
        return engine.caseProgress(caseReference.strip().toUpperCase(Locale.ROOT));
    }

    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<OpenIncident> incidents(String processDefinitionId) {
        return engine.incidents(processDefinitionId);
    }

    /** Gives an incident's failed job one more try, audited. */
    @Secured({DESIGNER, ADMIN})
    @Transactional
    public void retry(String incidentId) {
        OpenIncident incident = engine.retry(incidentId);
        audit.record(AuditTrail.Action.INCIDENT_RETRY, incidentId, incident.caseReference(),
                incident.activityId() + ": " + incident.message());
    }

    /** The engine's validation of moving the running instances of one version to another. */
    @Secured(DESIGNER)
    public MigrationPreview previewMigration(String sourceId, String targetId) {
        checkMigration(sourceId, targetId);
        return engine.previewMigration(sourceId, targetId);
    }

    /**
     * Moves the instances that can move as a batch the job executor works off; audited.
     *
     * @return the batch id and how many instances it moves
     */
    @Secured(DESIGNER)
    @Transactional
    public MigrationStarted migrate(String sourceId, String targetId) {
        checkMigration(sourceId, targetId);
        MigrationPreview preview = engine.previewMigration(sourceId, targetId);
        if (!preview.planValid()) {
            throw new IllegalStateException("The migration plan is not valid: " + String.join("; ", preview.planProblems()));
        }
        List<String> movable = preview.movable();
        if (movable.isEmpty()) {
            throw new IllegalStateException("No running instance of this version can move to the other");
        }
        String batch = engine.migrate(sourceId, targetId, movable);
        audit.record(AuditTrail.Action.MIGRATION, batch, null,
                movable.size() + " instance(s) from " + sourceId + " to " + targetId);
        return new MigrationStarted(batch, movable.size(), preview.instances().size() - movable.size());
    }

    /** A migration batch that was started. */
    public record MigrationStarted(String batchId, int moving, int staying) {
    }

    @Secured({DESIGNER, ADMIN})
    public boolean migrationRunning(String batchId) {
        return engine.batchRunning(batchId);
    }

    private void checkMigration(String sourceId, String targetId) {
        DeployedModel source = requireProcess(sourceId);
        DeployedModel target = requireProcess(targetId);
        if (source.id().equals(target.id())) {
            throw new IllegalArgumentException("Choose a different version to move to");
        }
    }

    private DeployedModel requireProcess(String definitionId) {
        DeployedModel model = model(definitionId);
        if (model.kind() != ModelKind.BPMN) {
            throw new IllegalArgumentException(definitionId + " is a decision, not a process");
        }
        return model;
    }

    private Draft find(long id) {
        return drafts.findById(id).orElseThrow(() -> new ModelNotFoundException("No draft " + id));
    }

    private static DraftModel view(Draft d) {
        return new DraftModel(d.getId(), d.getName(), d.getKind(), d.getResourceName(), d.getBasedOn(), d.getContent(),
                d.getUpdatedBy(), d.getUpdatedAt(), d.getVersion());
    }

    private static String me() {
        return CurrentUser.require().username();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

}
