package dev.attest.worklist.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;

import elemental.json.Json;
import elemental.json.JsonObject;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.CaseStatus;
import dev.attest.cases.CaseType;
import dev.attest.designer.ui.DesignerView;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.sla.Escalation;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/** The task list and the task view, server-side. */
class TaskListViewTests extends KaribuTest {

    @Autowired Worklist worklist;
    @Autowired CaseLookup cases;
    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;

    @Test
    void managerFiltersTheTasksEscalatedPastTheirDueDate() {
        var review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewDocument").active().list().stream()
                .filter(t -> breach(t.getProcessInstanceId()) != null)
                .findFirst().orElseThrow();
        managementService.executeJob(breach(review.getProcessInstanceId()).getId());

        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        view.tabs.setSelectedTab(view.all);
        int everything = _size(grid());
        view.escalatedOnly.setValue(true);
        List<WorkItem> escalated = rows(grid());
        assertThat(escalated).extracting(WorkItem::id).contains(review.getId());
        assertThat(escalated).allMatch(t -> t.escalation() == Escalation.Level.SENIOR_ANALYSTS
                || t.escalation() == Escalation.Level.MANAGERS);
        assertThat(escalated.size()).isLessThan(everything);

        // the escalation offered the unclaimed review to senior analysts or managers: it is in their groups' list
        if (review.getAssignee() == null) {
            List<String> seniors = RunAs.user("senior", () -> worklist.page(TaskFilter.of(Scope.GROUP)
                    .withEscalatedOnly(true), 0, 500).stream().map(WorkItem::id).toList(), Role.SENIOR_ANALYST,
                    Role.MANAGER);
            assertThat(seniors).contains(review.getId());
        }
    }

    /** The breach timer of the escalation ladder beside the process instance's document review, or null. */
    private Job breach(String processInstanceId) {
        var ladder = ProcessTestSupport.ladderOf(runtimeService, processInstanceId, "Task_ReviewDocument");
        return ladder == null ? null : managementService.createJobQuery().processInstanceId(ladder.getId())
                .activityId("Event_SlaBreached").singleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<WorkItem> rows(Grid<WorkItem> grid) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < _size(grid); i++) {
            items.add(_get(grid, i));
        }
        return items;
    }

    private static List<String> tabNames(TaskListView view) {
        return view.tabs.getChildren().map(c -> ((Tab) c).getLabel()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkItem> grid() {
        return _get(Grid.class, spec -> spec.withId("tasks"));
    }

    @Test
    void analystSeesDemoTasksOfTheirGroupAndClaimsOne() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);

        view.tabs.setSelectedTab(view.group);
        List<WorkItem> groupTasks = rows(grid());
        assertThat(groupTasks).isNotEmpty().allMatch(t -> t.assignee() == null)
                .allMatch(t -> t.caseReference() != null && t.clientName() != null);
        assertThat(groupTasks).noneMatch(t -> t.taskKey().equals("Task_SpecialistReview"));

        WorkItem first = groupTasks.get(0);
        view.claim(first);
        expectNotifications("Claimed: " + first.name() + " (" + first.caseReference() + ")");

        view.tabs.setSelectedTab(view.mine);
        assertThat(rows(grid())).extracting(WorkItem::id).contains(first.id());
        RunAs.user("analyst", () -> worklist.unclaim(first.id()), Role.ANALYST);
    }

    @Test
    void filtersByCaseTypeAndText() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        view.tabs.setSelectedTab(view.all);
        assertThat(rows(grid())).extracting(WorkItem::caseType).contains(CaseType.SELLER_VERIFICATION,
                CaseType.ACCOUNT_RECOVERY_2FA);

        view.caseType.setValue(CaseType.SELLER_VERIFICATION);
        assertThat(rows(grid())).isNotEmpty().allMatch(t -> t.caseType() == CaseType.SELLER_VERIFICATION);

        view.caseType.setValue(null);
        view.search.setValue("Lukas");
        assertThat(rows(grid())).isNotEmpty().allMatch(t -> t.clientName().equals("Lukas Becker"));
        view.search.setValue("nobody-matches-this");
        assertThat(rows(grid())).isEmpty();
    }

    @Test
    void aClaimRaceLosesWithAClearMessage() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        view.tabs.setSelectedTab(view.group);
        WorkItem task = rows(grid()).get(0);

        RunAs.user("senior", () -> worklist.claim(task.id()), Role.ANALYST, Role.SENIOR_ANALYST);
        view.claim(task);

        expectNotifications("Already claimed by Sam Senior");
        RunAs.user("senior", () -> worklist.unclaim(task.id()), Role.ANALYST, Role.SENIOR_ANALYST);
    }

    @Test
    void reviewingADocumentInItsTaskViewMovesTheCaseOn() {
        login("analyst", Role.ANALYST);
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)),
                Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png",
                TestFiles.png(900, 600), new DocumentMetadata("PASSPORT", "Jane Seller", null, "US",
                        null, "2031-01-01")), Role.INTAKE);
        String taskId = RunAs.user("intake", () -> cases.openTasks(c).get(0).id(), Role.INTAKE);
        UI.getCurrent().navigate("tasks/" + taskId);
        _get(TaskView.class);
        assertThat(_get(Grid.class, spec -> spec.withId("document-checks")).getGenericDataView().getItems().count())
                .isEqualTo(6);

        _click(_get(Button.class, spec -> spec.withId("claim-task")));
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        // the decision is required: nothing happens but a marked field
        expectNotifications("Please correct the marked fields.");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("field-decision"));
        assertThat(decision.isInvalid()).isTrue();

        decision.setValue("APPROVE");
        for (String item : List.of("nameAndAddressVisible", "issuerClear", "wholeOriginalInColour")) {
            _get(Checkbox.class, spec -> spec.withId("field-" + item)).setValue(true);
        }
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        expectNotifications("Task completed; the case moved on.");
        _get(TaskListView.class);
        var next = RunAs.user("intake", () -> cases.openTasks(c), Role.INTAKE);
        assertThat(next).extracting(t -> t.name()).containsExactly("Prepare the submission");
        assertThat(RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST))
                .extracting(d -> d.getStatus().name()).containsExactly("APPROVED");
    }

    @Test
    void managersSeeAllOpenTasksAnalystsDoNot() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(TaskListView.class);
        assertThat(tabNames(_get(TaskListView.class))).containsExactly("My tasks", "Group tasks", "Snoozed");

        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("cases");
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView manager = _get(TaskListView.class);
        assertThat(tabNames(manager)).containsExactly("My tasks", "Group tasks", "Snoozed", "All open");
        assertThat(rows(grid())).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void rolesWithoutAWorklistAreRefusedTheTaskView() {
        login("designer", Role.DESIGNER);
        assertNotAllowed("designer at a task", () -> UI.getCurrent().navigate("tasks/anything"));
        UI.getCurrent().navigate(TaskListView.class);
        _get(DesignerView.class);
    }

    /** Puts the keyboard focus on a cell, as the browser reports it ({@code grid-cell-focus}). */
    private static void focusCell(Grid<WorkItem> grid, WorkItem item, Grid.Column<WorkItem> column) throws Exception {
        java.lang.reflect.Method internalId = Grid.Column.class
                .getDeclaredMethod("getInternalId");
        internalId.setAccessible(true);
        BasicUtilsKt._fireEvent(grid,
                new CellFocusEvent<>(grid, true,
                        grid.getDataCommunicator().getKeyMapper().key(item), (String) internalId.invoke(column), "body"));
    }

    /** Enter pressed on the focused cell: the browser evaluated the listener's filter to true. */
    private static void pressEnter(Grid<WorkItem> grid) {
        JsonObject data = Json.createObject();
        data.put(TaskListView.ENTER_ON_A_CELL, true);
        BasicUtilsKt._fireDomEvent(grid, "keydown", data);
    }

    @Test
    void enterOnAFocusedTaskRowOpensItButOnTheActionsCellReachesTheButtons() throws Exception {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        view.tabs.setSelectedTab(view.group);
        Grid<WorkItem> grid = grid();
        WorkItem second = rows(grid).get(1);

        focusCell(grid, second, view.actionsColumn);
        pressEnter(grid);
        _get(TaskListView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();

        focusCell(grid, second, grid.getColumnByKey("task"));
        pressEnter(grid);
        _get(TaskView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("tasks/" + second.id());
    }

    @Test
    void theTaskListsActionsAreLabelledButtonsAndItsColumnsFitBesideTheMenu() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        view.tabs.setSelectedTab(view.group);
        Grid<WorkItem> grid = grid();
        WorkItem first = rows(grid).get(0);
        Button claim = (Button) GridKt._getCellComponent(grid, 0, "actions")
                .getChildren().filter(c -> c.getId().orElse("").equals("claim-" + first.id())).findFirst().orElseThrow();
        assertThat(claim.getAriaLabel()).contains("Claim " + first.name() + ", " + first.caseReference());
        assertThat(claim.isEnabled()).isTrue();

        assertThat(grid.getColumns()).extracting(Grid.Column::getKey).as("no Created column: it is in the tooltip")
                .doesNotContain("created").contains("case", "task", "due", "assignee", "actions");
        assertThat(grid.getColumnByKey("assignee").getWidth()).isEqualTo("8em");
        assertThat(grid.getColumnByKey("actions").isFrozenToEnd()).isTrue();
        assertThat(grid.getThemeNames()).contains("wrap-cell-content");
    }
}
