package dev.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.Filter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The authorization matrix of the services, the layer every view and endpoint goes through: each public method of
 * each module's services, called by nobody and by a user of each of the six roles. The table below is the documentation; a
 * method's row lists the roles that may call it, and every other role, and nobody, is refused by method security
 * before the method runs. Methods no user calls (the engine, schedulers and filters call them) are listed apart with the
 * reason, so that a new public method fails this test until someone decides who may call it.
 */
@AttestTest
class ServiceAuthorizationMatrixTests {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);

    @Autowired ApplicationContext ctx;
    @Autowired TransactionTemplate transactions;

    /** The services: module API beans, and every bean that declares method security. */
    Map<String, Object> services() {
        Map<String, Object> found = new TreeMap<>();
        for (String name : ctx.getBeanDefinitionNames()) {
            Object bean;
            try {
                bean = ctx.getBean(name);
            } catch (RuntimeException e) {
                continue;
            }
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("dev.attest.") || type.getPackageName().contains(".ui")) {
                continue;
            }
            boolean moduleApi = type.getPackageName().matches("dev\\.attest\\.[a-z]+")
                    && type.isAnnotationPresent(Service.class);
            if (moduleApi || secured(type)) {
                found.put(type.getSimpleName(), bean);
            }
        }
        return found;
    }

    static boolean secured(Class<?> type) {
        if (hasSecurity(type)) {
            return true;
        }
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(ServiceAuthorizationMatrixTests::hasSecurity);
    }

    static boolean hasSecurity(java.lang.reflect.AnnotatedElement e) {
        return e.isAnnotationPresent(Secured.class) || e.isAnnotationPresent(PreAuthorize.class)
                || e.isAnnotationPresent(RolesAllowed.class);
    }

    static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic() && !m.isBridge())
                .sorted(Comparator.comparing(Method::getName)
                        .thenComparing(m -> m.getParameterCount()))
                .toList();
    }

    static final Set<Role> CASE_READERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE,
            Role.ADMIN);
    static final Set<Role> CASE_WORKERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);
    static final Set<Role> CASE_OPENERS = EnumSet.of(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);
    static final Set<Role> OVERSEERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN);
    static final Set<Role> DESIGN_READERS = EnumSet.of(Role.DESIGNER, Role.ADMIN);
    static final Set<Role> DESIGNERS = EnumSet.of(Role.DESIGNER);
    static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /** Service methods users call, and who may. */
    static final Map<String, Set<Role>> MATRIX = new TreeMap<>();

    /** Service methods no user calls, and who does instead. */
    static final Map<String, String> SYSTEM = new TreeMap<>();

    /** Service methods the client's upload page calls, anonymously, with the upload link's token. */
    static final Set<String> PORTAL = new TreeSet<>();

    /** Methods that reveal no case data and change nothing (settings, clocks): anyone may. */
    static final Set<String> NO_DATA = new TreeSet<>();

    static {
        MATRIX.put("AuditTrail.about", OVERSEERS);
        MATRIX.put("AuditTrail.ofCase", CASE_READERS);
        MATRIX.put("AuditTrail.newest", ADMINS);
        MATRIX.put("AuditTrail.verify", ADMINS);
        MATRIX.put("CaseIntake.open", CASE_OPENERS);
        for (String m : List.of("byReferences", "count", "find", "get", "openTasks",
                "search", "timeline")) {
            MATRIX.put("CaseLookup." + m, CASE_READERS);
        }
        MATRIX.put("ClientMessages.ofCase", OVERSEERS);
        MATRIX.put("MailIncidents.failed", DESIGN_READERS);
        MATRIX.put("MailIncidents.retry", DESIGN_READERS);
        MATRIX.put("Dashboard.drill", EnumSet.of(Role.MANAGER));
        MATRIX.put("Dashboard.figures", EnumSet.of(Role.MANAGER));
        MATRIX.put("Dashboard.today", EnumSet.of(Role.MANAGER));
        for (String m : List.of("deployed", "model", "xml", "deployments", "activityCounts", "caseProgress",
                "incidents", "retry", "migrationRunning")) {
            MATRIX.put("Designer." + m, DESIGN_READERS);
        }
        for (String m : List.of("drafts", "draft", "newDraft", "draftFrom", "save", "deleteDraft", "validate",
                "changes", "impact", "deploy", "deployFile", "previewMigration", "migrate")) {
            MATRIX.put("Designer." + m, DESIGNERS);
        }
        MATRIX.put("DocumentReview.requests", CASE_WORKERS);
        MATRIX.put("DocumentReview.previewRejection", CASE_WORKERS);
        MATRIX.put("DocumentReview.problems", CASE_WORKERS);
        MATRIX.put("ClientMessages.preview", CASE_WORKERS);
        MATRIX.put("Documents.upload", CASE_OPENERS);
        MATRIX.put("Documents.read", CASE_WORKERS);
        MATRIX.put("Documents.preview", CASE_WORKERS);
        MATRIX.put("Documents.list", CASE_READERS);
        MATRIX.put("Documents.get", CASE_READERS);
        MATRIX.put("Documents.readingOf", CASE_READERS);
        MATRIX.put("Documents.readChosenFile", CASE_OPENERS);
        MATRIX.put("Documents.addressComparison", CASE_WORKERS);
        MATRIX.put("Documents.correct", EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST));
        for (String m : List.of("claim", "complete", "count", "form", "get", "page", "unclaim", "variables",
                "assign", "assignAll", "returnAllHeldBy", "candidates", "followUp", "countUpTo", "details")) {
            MATRIX.put("EngineWorklist." + m, CASE_WORKERS);
        }
        for (String m : List.of("list", "get", "save", "delete")) {
            MATRIX.put("SavedFilters." + m, CASE_WORKERS);
        }
        MATRIX.put("TaskExport.csv", CASE_WORKERS);
        MATRIX.put("CaseExport.csv", OVERSEERS);
        MATRIX.put("JpaUserDirectory.displayNames", ALL);
        MATRIX.put("Availability.mine", CASE_WORKERS);
        MATRIX.put("Availability.setMine", CASE_WORKERS);
        MATRIX.put("Availability.set", EnumSet.of(Role.MANAGER));
        MATRIX.put("Availability.team", EnumSet.of(Role.MANAGER));
        for (String m : List.of("of", "add", "edit", "versions")) {
            MATRIX.put("Notes." + m, CASE_WORKERS);
        }
        for (String m : List.of("mine", "unreadCount", "markRead", "markAllRead")) {
            MATRIX.put("Notifications." + m, CASE_WORKERS);
        }
        MATRIX.put("Ownership.record", EnumSet.of(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST));
        MATRIX.put("Ownership.current", CASE_READERS);
        MATRIX.put("Ownership.version", OVERSEERS);
        MATRIX.put("Ownership.versions", OVERSEERS);
        MATRIX.put("Retention.placeLegalHold", ADMINS);
        MATRIX.put("Retention.releaseLegalHold", ADMINS);
        MATRIX.put("Retention.requestErasure", ADMINS);
        MATRIX.put("SanctionsLists.load", ADMINS);
        MATRIX.put("Screening.search", CASE_WORKERS);
        MATRIX.put("SanctionsLists.versions", CASE_READERS);
        MATRIX.put("CaseScreenings.forCase", CASE_READERS);
        MATRIX.put("CaseScreenings.openHits", CASE_WORKERS);
        // checked before the multipart parts are read, so that other roles learn nothing about list files
        MATRIX.put("ScreeningListController.load", ADMINS);
        MATRIX.put("TwoFactorRecovery.recordDecision", CASE_WORKERS);
        MATRIX.put("TwoFactorRecovery.submissions", CASE_READERS);
        MATRIX.put("TwoFactorRecovery.awaitingDecision", CASE_READERS);
        MATRIX.put("TwoFactorRecovery.outcomes", EnumSet.of(Role.MANAGER));
        MATRIX.put("UploadLinks.ofCase", OVERSEERS);
        MATRIX.put("UserAdministration.accounts", ADMINS);
        MATRIX.put("UserAdministration.create", ADMINS);
        MATRIX.put("UserAdministration.resetPassword", ADMINS);
        MATRIX.put("UserAdministration.disable", ADMINS);
        MATRIX.put("UserAdministration.enable", ADMINS);
        MATRIX.put("UserAdministration.unlockLogin", ADMINS);
        MATRIX.put("UserAdministration.setEmail", ADMINS);

        String engine = "the engine, from a process step (service task, listener or timer)";
        for (String m : List.of("applyTriage", "caseFile", "caseOfProcess", "close", "contact", "recordVerification")) {
            SYSTEM.put("CaseProgress." + m, engine);
        }
        SYSTEM.put("CaseRecords.requireOpen", "services, before they change a case, in the caller's transaction");
        SYSTEM.put("CaseRecords.requireOpenIfExists",
                "the worklist, before it completes a task of a case, in the caller's transaction");
        SYSTEM.put("AuditTrail.record", "services, to record what their caller did, in the caller's transaction");
        SYSTEM.put("ClientMessages.requestDocument", engine);
        SYSTEM.put("ClientMessages.send", engine);
        SYSTEM.put("DocumentReview.decide", engine + ", with the analyst's completed review");
        SYSTEM.put("DocumentReview.judgeChecks", engine);
        SYSTEM.put("DocumentReview.reviewSubject", engine + ", naming the review task");
        SYSTEM.put("DocumentReview.reviewerFor", engine + ", giving a re-review back to its analyst");
        SYSTEM.put("Documents.history", "CaseLookup.timeline, which checks the caller");
        SYSTEM.put("JpaUserDirectory.mayTake", engine + ", giving a re-review back to its analyst (yes or no only)");
        SYSTEM.put("JpaUserDirectory.staff", "the worklist (pickers, after checking the caller) and " + engine
                + " (automatic assignment): names, roles and availability only");
        SYSTEM.put("JpaUserDirectory.awayUntil", "the worklist and " + engine + ", before giving someone a task");
        SYSTEM.put("DocumentReview.documentOfProcess", engine);
        SYSTEM.put("DocumentReview.requestDocument", engine);
        SYSTEM.put("Documents.of", engine);
        SYSTEM.put("Documents.readInBackground", engine);
        SYSTEM.put("Escalations.levels", "the worklist, to show escalation levels of the tasks it lists");
        SYSTEM.put("Escalations.ofCase", engine);
        SYSTEM.put("Escalations.record", engine + " (SLA timers)");
        SYSTEM.put("JpaUserDirectory.loadUserByUsername", "the throttled login (ThrottledLogin), for Spring Security");
        SYSTEM.put("MailDelivery.due", "every node's mail relay (MailRelay)");
        SYSTEM.put("MailDelivery.deliver", "every node's mail relay (MailRelay), with retries");
        SYSTEM.put("OwnershipReview.analyse", engine);
        SYSTEM.put("OwnershipReview.approve", engine + ", with the analyst's completed review");
        SYSTEM.put("OwnershipReview.requestDocuments", engine);
        SYSTEM.put("Retention.eraseExpired", "the nightly scheduler (attest.retention.cron)");
        for (String m : List.of("caseClosed", "pause", "resume", "waits", "workingMinutes")) {
            SYSTEM.put("SlaClock." + m, engine + " and the SLA dashboards' services");
        }
        for (String m : List.of("assigned", "changed", "created", "dated", "ended")) {
            SYSTEM.put("TaskLog." + m, "the engine's task listeners");
        }
        SYSTEM.put("TaskLog.caseChanged", "closing a case and erasing its client's data (their services' own"
                + " transactions); rewrites the text filter's column of the case's open tasks");
        SYSTEM.put("TaskLog.escalated", "the SLA escalation's delegate (inside the engine's transaction)");
        SYSTEM.put("TaskLog.rebuildListColumns", "the benchmarks (tasks written straight into the engine's tables);"
                + " rewrites the task list's columns from the engine's own");
        for (String m : List.of("recordSubmission", "recoveredNote", "sendGuidance", "specialistReason")) {
            SYSTEM.put("TwoFactorRecovery." + m, engine);
        }
        SYSTEM.put("UploadLinks.create", engine + " (a document is requested from the client)");
        SYSTEM.put("UploadLinks.revokeAll", engine + " (the case closes)");
        SYSTEM.put("UploadLinks.giveOldLinksASlot", "start-up (OldUploadLinks), for links stored before links had "
                + "slots");
        SYSTEM.put("UploadLinks.missing", engine + " (a reminder repeats what the latest link waits for)");
        SYSTEM.put("Screening.screen", engine + " (the screening process) and re-screening after a list version");
        SYSTEM.put("OwnershipReview.tracedIndividuals", engine + " (the screening process)");
        for (String m : List.of("screenCase", "recordListUpdate", "undecided", "awaitingConfirmation",
                "checkDecisions", "checkConfirmer", "decide", "confirm")) {
            SYSTEM.put("ScreeningReview." + m, engine + " (the screening process), the review form's rules and "
                    + "re-screening after a list version; the worklist checked who completes the task");
        }
        SYSTEM.put("SanctionsLists.loadConfigured", "the start-up and nightly loads of the configured list files");
        SYSTEM.put("UserAdministration.isActive", "the session filter, on every request of a browser session");
        String digest = "the scheduled notification digest (NotificationDigest), nobody logged in";
        SYSTEM.put("StaffMailboxes.digestRecipients", digest);
        SYSTEM.put("StaffMailboxes.claimDigest", digest + ", in the transaction that queues the e-mail");
        SYSTEM.put("StaffMessages.digest", digest);

        PORTAL.addAll(List.of("Documents.clientRequest", "Documents.uploadByClient", "Documents.readChosenFileForClient", "UploadLinks.open",
                "UploadLinks.claim", "UploadLinks.filled"));

        NO_DATA.addAll(List.of("ClientMessages.refusalReasons", "Documents.toldSteps", "DocumentReview.maxRounds", "Ownership.threshold", "Retention.keptUntil",
                "Retention.years", "SanctionsLists.maxFileSize", "Screening.threshold", "TwoFactorRecovery.decisionDue", "TwoFactorRecovery.recoveryUrl"));
    }

    @Test
    void everyPublicServiceMethodIsInTheTable() {
        Set<String> found = new TreeSet<>();
        for (var e : services().entrySet()) {
            for (Method m : publicMethods(AopUtils.getTargetClass(e.getValue()))) {
                found.add(e.getKey() + "." + m.getName());
            }
        }
        Set<String> documented = new TreeSet<>(MATRIX.keySet());
        documented.addAll(SYSTEM.keySet());
        documented.addAll(PORTAL);
        documented.addAll(NO_DATA);
        assertThat(found).as("public service methods nobody has decided about").isSubsetOf(documented);
        assertThat(documented).as("table rows for methods that no longer exist").isSubsetOf(found);
        System.out.printf("Service methods: %d for users (checked per role), %d for the system, %d for the client's "
                + "upload page, %d without data%n", MATRIX.size(), SYSTEM.size(), PORTAL.size(), NO_DATA.size());
    }

    /**
     * Whether method security let the call through (whatever the method then made of the dummy arguments), for a
     * user of the role, or for nobody logged in at all when the role is null.
     */
    boolean allowed(Object bean, Method method, Role role) {
        Object[] args = Arrays.stream(method.getParameterTypes()).map(ServiceAuthorizationMatrixTests::dummy)
                .toArray();
        Supplier<Boolean> call = () -> {
            try {
                method.invoke(bean, args);
                return true;
            } catch (InvocationTargetException e) {
                return !(e.getCause() instanceof AuthorizationDeniedException || e.getCause() instanceof AuthenticationCredentialsNotFoundException);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        Boolean result = transactions.execute(status -> {
            status.setRollbackOnly(); // nothing a permitted call does with the dummies stays
            if (role == null) {
                SecurityContextHolder.clearContext();
                return call.get();
            }
            return RunAs.user("matrix-" + role.name().toLowerCase(), call, role);
        });
        return Boolean.TRUE.equals(result);
    }

    static Object dummy(Class<?> type) {
        if (type == long.class) {
            return -1L;
        } else if (type == int.class) {
            return -1;
        } else if (type == boolean.class) {
            return false;
        } else if (type == String.class) {
            return "no-such-thing";
        } else if (type == byte[].class) {
            return new byte[0];
        }
        return null;
    }

    @Test
    void everyRoleMayCallExactlyTheServiceMethodsOfTheTable() {
        Map<String, Object> services = services();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var row : MATRIX.entrySet()) {
            String[] parts = row.getKey().split("\\.");
            Object bean = services.get(parts[0]);
            for (Method method : publicMethods(AopUtils.getTargetClass(bean))) {
                if (!method.getName().equals(parts[1])) {
                    continue;
                }
                method.setAccessible(true); // some services are package-private classes behind public interfaces
                if (allowed(bean, method, null)) {
                    wrong.add(row.getKey() + " nobody allowed");
                }
                checked++;
                for (Role role : Role.values()) {
                    boolean allowed = allowed(bean, method, role);
                    if (allowed != row.getValue().contains(role)) {
                        wrong.add(row.getKey() + " " + role + (allowed ? " allowed" : " refused"));
                    }
                    checked++;
                }
            }
        }
        assertThat(wrong).as("roles × service methods that disagree with the table").isEmpty();
        System.out.printf("Service authorization matrix: %d methods × (nobody + %d roles) = %d checks%n",
                MATRIX.size(), Role.values().length, checked);
    }

    /**
     * Methods without a role check must not be reachable by a user: no view and no REST controller calls a method
     * of the system list, and only the client's upload page (and the API behind its links) calls the portal's.
     */
    @Test
    void noViewOrEndpointCallsAMethodWithoutARoleCheck() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.attest");
        Map<String, Object> services = services();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        Set<String> unchecked = new TreeSet<>(SYSTEM.keySet());
        unchecked.addAll(PORTAL);
        for (String row : unchecked) {
            String[] parts = row.split("\\.");
            var type = classes.get(AopUtils.getTargetClass(services.get(parts[0])));
            for (var method : type.getMethods()) {
                if (!method.getName().equals(parts[1])) {
                    continue;
                }
                for (var call : method.getCallsOfSelf()) {
                    var caller = call.getOriginOwner();
                    boolean userFacing = caller.getPackageName().contains(".ui")
                            && !caller.isAssignableTo(Filter.class) // the session filter is no view
                            || caller.isAnnotatedWith(RestController.class);
                    boolean portal = caller.getSimpleName().startsWith("ClientUpload")
                            || caller.getSimpleName().startsWith("Portal");
                    if (userFacing && !(PORTAL.contains(row) && portal)) {
                        wrong.add(row + " called by " + caller.getSimpleName());
                    }
                    calls++;
                }
            }
        }
        assertThat(wrong).as("calls from views or endpoints to service methods without a role check").isEmpty();
        System.out.printf("Calls to the %d methods without a role check: %d, none from a view or endpoint but the "
                + "client's upload page%n", unchecked.size(), calls);
    }
}
