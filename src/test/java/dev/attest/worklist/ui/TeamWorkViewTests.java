package dev.attest.worklist.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Availability;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.StaffMember;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.SavedFilter;
import dev.attest.worklist.SavedFilters;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/** The task list's bulk bar, the availability page and snoozing from the task view, server-side. */
class TeamWorkViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService taskService;
    @Autowired Availability availability;
    @Autowired Worklist worklist;
    @Autowired JdbcTemplate jdbc;
    @Autowired ZoneId zone;
    @Autowired SavedFilters savedFilters;

    @AfterEach
    void everyoneAvailable() {
        jdbc.update("UPDATE user_account SET away_until = NULL WHERE username IN ('analyst', 'senior', 'manager')");
    }

    String reviewTask() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        return taskService.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    @SuppressWarnings("unchecked")
    static Grid<WorkItem> grid() {
        return _get(Grid.class, spec -> spec.withId("tasks"));
    }

    static List<WorkItem> rows(Grid<WorkItem> grid) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < _size(grid); i++) {
            items.add(_get(grid, i));
        }
        return items;
    }

    String assignee(String task) {
        return taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    @Test
    void aManagerSelectsTasksAndAssignsThemToAnAnalyst() {
        List<String> created = List.of(reviewTask(), reviewTask());
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        assertThat(view.bulk.isVisible()).as("nothing selected: no bar").isFalse();

        List<WorkItem> chosen = rows(grid()).stream().filter(t -> created.contains(t.id())).toList();
        assertThat(chosen).hasSize(2);
        chosen.forEach(t -> grid().select(t));
        assertThat(view.bulk.isVisible()).isTrue();
        assertThat(view.bulk.selected.getText()).isEqualTo("2 tasks selected");
        List<StaffMember> picker = view.bulk.assignee.getListDataView().getItems().toList();
        assertThat(picker).extracting(StaffMember::username).contains("analyst", "senior").doesNotContain("intake");

        view.bulk.assignee.setValue(picker.stream().filter(s -> s.username().equals("analyst")).findFirst()
                .orElseThrow());
        _click(view.bulk.assign);
        expectNotifications("2 tasks given to Ana Lyst.");
        created.forEach(t -> assertThat(assignee(t)).isEqualTo("analyst"));
        assertThat(view.bulk.isVisible()).as("the selection is cleared after the action").isFalse();

        chosen = rows(grid()).stream().filter(t -> created.contains(t.id())).toList();
        chosen.forEach(t -> grid().select(t));
        _click(view.bulk.returnToGroup);
        expectNotifications("2 tasks returned to their groups.");
        created.forEach(t -> assertThat(assignee(t)).isNull());
    }

    /** A task of a case of a client with this name, waiting for its passport's review. */
    String reviewTaskOf(String client) {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(
                CaseRequests.with("client.fullName", client), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", client, null, "US", null, "2031-01-01")), Role.INTAKE);
        return taskService.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    /** A row ticked as the browser ticks it: the selection column's call, not the server's own select. */
    static void tick(WorkItem row) {
        grid().getSelectionModel().selectFromClient(row);
    }

    /**
     * Rows ticked one after another add up through everything a tick sets off (the bulk bar showing with its
     * candidates, a chosen saved filter, the keyboard's highlight); a search that reaches the server after a tick
     * (the search field sends its text 400 ms after the last key) lists other rows, and their selection starts
     * empty. The browser journey took that for a lost selection (issue 18): it ticked before its search had landed.
     */
    @Test
    void ticksAddUpAndASearchLandingAfterATickStartsANewSelection() {
        // a name of letters only, this test's own
        String client = "Tickwell " + UUID.randomUUID().toString().substring(0, 8).chars()
                .map(c -> Character.isDigit(c) ? 'g' + c - '0' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> created = List.of(reviewTaskOf(client), reviewTaskOf(client), reviewTaskOf(client));
        reviewTask(); // another client's task on the unfiltered list
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        _setValue(view.search, client);
        assertThat(rows(grid())).extracting(WorkItem::id).containsExactlyInAnyOrderElementsOf(created);
        view.savedFilterBar.saveAs.click();
        view.savedFilterBar.name.setValue(client);
        view.savedFilterBar.save();
        SavedFilter saved = view.savedFilterBar.choice.getValue();
        try {
            _fireShortcut(grid(), Key.KEY_J);
            WorkItem highlighted = view.shortcuts.current().orElseThrow();

            List<WorkItem> rows = rows(grid());
            for (int i = 0; i < rows.size(); i++) {
                tick(rows.get(i));
                assertThat(grid().getSelectedItems()).extracting(WorkItem::id)
                        .containsExactlyInAnyOrderElementsOf(rows.subList(0, i + 1).stream().map(WorkItem::id)
                                .toList());
                assertThat(view.bulk.selected.getText()).isEqualTo(i == 0 ? "1 task selected"
                        : (i + 1) + " tasks selected");
            }
            assertThat(view.savedFilterBar.choice.getValue()).as("the saved filter stays chosen").isEqualTo(saved);
            assertThat(view.shortcuts.current()).as("the highlight stays").contains(highlighted);
            assertThat(view.bulk.assignee.getListDataView().getItems()).extracting(StaffMember::username)
                    .contains("analyst");

            // a row of the unfiltered list ticked before the search landed: the search lists other rows
            _setValue(view.search, "");
            WorkItem other = rows(grid()).stream().filter(t -> !created.contains(t.id())).findFirst().orElseThrow();
            tick(other);
            assertThat(view.bulk.selected.getText()).isEqualTo("1 task selected");
            _setValue(view.search, client);
            assertThat(grid().getSelectedItems()).as("a selection is of rows as they were listed").isEmpty();
            assertThat(view.bulk.isVisible()).isFalse();
            rows(grid()).forEach(TeamWorkViewTests::tick);
            assertThat(view.bulk.selected.getText()).isEqualTo("3 tasks selected");
        } finally {
            savedFilters.delete(saved.id());
        }
    }

    /**
     * The bulk bar reads a task's candidates once, when it is ticked (not every selected task's on every tick), and
     * still offers those who may work every selected task, away users as away.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTickReadsTheCandidatesOfTheTickedTaskOnly() {
        List<String> created = List.of(reviewTask(), reviewTask(), reviewTask());
        RunAs.user("manager", () -> availability.set("senior", LocalDate.now(zone).plusDays(3)), Role.MANAGER);
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        List<WorkItem> rows = rows(grid()).stream().filter(t -> created.contains(t.id())).toList();
        assertThat(rows).hasSize(3);
        List<List<String>> reads = new ArrayList<>();
        Worklist counting = (Worklist) Proxy.newProxyInstance(Worklist.class.getClassLoader(),
                new Class<?>[] {Worklist.class}, (proxy, method, args) -> {
                    if (method.getName().equals("candidates")) {
                        reads.add(List.copyOf((Collection<String>) args[0]));
                    }
                    try {
                        return method.invoke(worklist, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        BulkAssignBar bar = new BulkAssignBar(counting, () -> { });

        for (int i = 1; i <= rows.size(); i++) {
            bar.show(Set.copyOf(rows.subList(0, i)));
        }
        assertThat(reads).containsExactly(List.of(rows.get(0).id()), List.of(rows.get(1).id()),
                List.of(rows.get(2).id()));
        assertThat(bar.assignee.getListDataView().getItems().toList()).isEqualTo(worklist.candidates(created));
        assertThat(bar.assignee.getListDataView().getItems().filter(s -> s.username().equals("senior")))
                .singleElement().matches(StaffMember::away);

        bar.show(Set.of(rows.get(0), rows.get(2))); // one unticked: nothing read
        assertThat(reads).hasSize(3);
        assertThat(bar.assignee.getListDataView().getItems().toList())
                .isEqualTo(worklist.candidates(List.of(rows.get(0).id(), rows.get(2).id())));
        bar.show(Set.of());
        bar.show(Set.of(rows.get(1))); // a new selection reads again
        assertThat(reads).hasSize(4);
    }

    @Test
    void theBulkBarSaysWhichTasksCouldNotBeGivenAndAwayUsersCannotBePicked() {
        String task = reviewTask();
        RunAs.user("manager", () -> availability.set("senior", LocalDate.now(zone).plusDays(3)), Role.MANAGER);
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(TaskListView.class);
        TaskListView view = _get(TaskListView.class);
        WorkItem row = rows(grid()).stream().filter(t -> t.id().equals(task)).findFirst().orElseThrow();
        grid().select(row);

        StaffMember senior = view.bulk.assignee.getListDataView().getItems()
                .filter(s -> s.username().equals("senior")).findFirst().orElseThrow();
        assertThat(senior.label()).contains("away until");
        view.bulk.assignee.setValue(senior);
        assertThat(view.bulk.assign.isEnabled()).isFalse();

        // someone else completes it meanwhile
        RunAs.user("analyst", () -> {
            worklist.claim(task);
            worklist.complete(task, Map.of("nameAndAddressVisible", true, "issuerClear", true,
                    "wholeOriginalInColour", true, "decision", "APPROVE"));
        }, Role.ANALYST);
        view.bulk.assignee.setValue(view.bulk.assignee.getListDataView().getItems()
                .filter(s -> s.username().equals("analyst")).findFirst().orElseThrow());
        _click(view.bulk.assign);
        expectNotifications("0 of 1 given to Ana Lyst. Not done: " + row.name() + ", " + row.caseReference()
                + " (This task ended meanwhile (completed by someone else, or the process moved on); nothing was "
                + "changed by you.)");
    }

    @Test
    void anAnalystMarksThemselvesAwayAndGivesTheirTasksBack() {
        String task = reviewTask();
        RunAs.user("analyst", () -> taskService.claim(task, "analyst"), Role.ANALYST);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(AvailabilityView.class);
        AvailabilityPanel mine = _get(AvailabilityView.class).panel;
        assertThat(mine.whom.isVisible()).as("for whom: the analyst only").isFalse();
        assertThat(mine.team.isVisible()).as("the team is the managers'").isFalse();
        assertThat(mine.state.getText()).startsWith("You are available");

        LocalDate until = LocalDate.now(zone).plusDays(7);
        mine.awayUntil.setValue(until);
        _click(mine.markAway);
        expectNotifications("You are away until " + until + ".");
        assertThat(mine.state.getText()).isEqualTo("You are away until " + until
                + ": nobody can give you new work until then.");
        assertThat(RunAs.user("analyst", () -> availability.mine(), Role.ANALYST)).isEqualTo(until);

        assertThat(mine.returnTasks.getText()).matches("Give my \\d+ tasks? back to their groups");
        _click(mine.returnTasks);
        assertThat(assignee(task)).isNull();
        assertThat(mine.returnTasks.getText()).isEqualTo("Give my 0 tasks back to their groups");
        assertThat(mine.returnTasks.isEnabled()).isFalse();

        _click(mine.available);
        assertThat(RunAs.user("analyst", () -> availability.mine(), Role.ANALYST)).isNull();
    }

    @Test
    void aManagerMarksAnAnalystAwayAndReturnsWhatTheyHold() {
        String task = reviewTask();
        RunAs.user("senior", () -> taskService.claim(task, "senior"), Role.ANALYST, Role.SENIOR_ANALYST);
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(AvailabilityView.class);
        AvailabilityPanel panel = _get(AvailabilityView.class).panel;
        assertThat(panel.team.getListDataView().getItems().map(StaffMember::username)).doesNotContain("admin",
                "intake", "designer");
        StaffMember senior = panel.team.getListDataView().getItems().filter(s -> s.username().equals("senior"))
                .findFirst().orElseThrow();
        panel.whom.setValue(senior);
        assertThat(panel.state.getText()).startsWith("Sam Senior is available");
        LocalDate until = LocalDate.now(zone).plusDays(2);
        panel.awayUntil.setValue(until);
        _click(panel.markAway);
        expectNotifications("Sam Senior is away until " + until + ".");
        assertThat(panel.team.getListDataView().getItems().filter(s -> s.username().equals("senior")).findFirst()
                .orElseThrow().awayUntil()).isEqualTo(until);
        assertThat(panel.whom.getValue().username()).as("still for Sam").isEqualTo("senior");
        assertThat(panel.state.getText()).isEqualTo("Sam Senior is away until " + until
                + ": nobody can give them new work until then.");

        assertThat(panel.returnTasks.getText()).matches("Give the [1-9]\\d* tasks? Sam Senior holds back to their "
                + "groups");
        String held = panel.returnTasks.getText().replaceAll("Give the (\\d+ tasks?) .*", "$1");
        _click(panel.returnTasks);
        expectNotifications(held + " of Sam Senior went back to their groups.");
        assertThat(assignee(task)).isNull();
        assertThat(panel.returnTasks.getText()).isEqualTo("Give the 0 tasks Sam Senior holds back to their groups");
    }

    @Test
    void theHolderSnoozesATaskFromItsView() {
        String task = reviewTask();
        RunAs.user("analyst", () -> taskService.claim(task, "analyst"), Role.ANALYST);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("tasks/" + task);
        FollowUpControl control = _get(FollowUpControl.class);
        LocalDate day = LocalDate.now(zone).plusDays(2);
        control.day.setValue(day);
        _click(control.snooze);
        expectNotifications("Snoozed until " + day + ": out of My tasks until then.");

        UI.getCurrent().navigate(TaskListView.class);
        TaskListView list = _get(TaskListView.class);
        list.tabs.setSelectedTab(list.mine);
        assertThat(rows(grid())).extracting(WorkItem::id).doesNotContain(task);
        list.tabs.setSelectedTab(list.snoozed);
        assertThat(rows(grid())).extracting(WorkItem::id).contains(task);
        taskService.setAssignee(task, null);
    }
}
