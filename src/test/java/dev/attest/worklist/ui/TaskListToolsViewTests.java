package dev.attest.worklist.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.export.CsvDownload;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.SavedFilter;
import dev.attest.worklist.SavedFilters;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/** The task list's saved-filter bar, keyboard shortcuts and help dialog, and its CSV link. */
class TaskListToolsViewTests extends KaribuTest {

    @Autowired SavedFilters savedFilters;
    @Autowired JdbcTemplate jdbc;

    TaskListView open(String user, Role role) {
        login(user, role);
        UI.getCurrent().navigate(TaskListView.class);
        return _get(TaskListView.class);
    }

    @Test
    void theCurrentFilterIsSavedUnderANameAndShownWithItsCount() {
        TaskListView view = open("manager", Role.MANAGER);
        view.tabs.setSelectedTab(view.all);
        view.caseType.setValue(CaseType.ACCOUNT_RECOVERY_2FA);
        view.moreFilters.priority.setValue(Priority.HIGH);
        SavedFilterBar bar = view.savedFilterBar;
        bar.saveAs.click();
        String name = "Urgent 2FA " + UUID.randomUUID().toString().substring(0, 6);
        bar.name.setValue(name);
        bar.team.setValue(true);
        bar.save();
        assertThat(bar.dialog.isOpened()).isFalse();
        SavedFilter chosen = bar.choice.getValue();
        assertThat(chosen.name()).isEqualTo(name);
        assertThat(chosen.team()).isTrue();
        assertThat(chosen.filter()).isEqualTo(TaskFilter.of(Scope.ALL).withCaseType(CaseType.ACCOUNT_RECOVERY_2FA)
                .withPriority(Priority.HIGH));
        assertThat(SavedFilterBar.label(chosen)).isEqualTo("Team · " + name + " (" + chosen.count().label() + ")");
        assertThat(jdbc.queryForList("SELECT who FROM audit_entry WHERE action = 'TASK_FILTER_SAVED' AND subject = ?",
                String.class, "task-filter:" + chosen.id())).containsExactly("manager");

        // changed by hand: no filter chosen any more; chosen again: the fields are the filter's
        view.caseType.clear();
        assertThat(bar.choice.getValue()).isNull();
        view.tabs.setSelectedTab(view.mine);
        bar.choice.setValue(bar.choice.getListDataView().getItems().filter(f -> f.id() == chosen.id()).findFirst()
                .orElseThrow());
        assertThat(view.tabs.getSelectedTab()).isEqualTo(view.all);
        assertThat(view.caseType.getValue()).isEqualTo(CaseType.ACCOUNT_RECOVERY_2FA);
        assertThat(view.moreFilters.priority.getValue()).isEqualTo(Priority.HIGH);
        List<WorkItem> rows = rows(view.grid);
        assertThat(rows).allSatisfy(t -> {
            assertThat(t.caseType()).isEqualTo(CaseType.ACCOUNT_RECOVERY_2FA);
            assertThat(t.casePriority()).isEqualTo(Priority.HIGH);
        });

        assertThat(bar.delete.isEnabled()).isTrue();
        bar.delete.click();
        assertThat(bar.choice.getListDataView().getItems().map(SavedFilter::id)).doesNotContain(chosen.id());
    }

    @Test
    void aNameTakenOrMissingIsShownOnTheNameFieldAndAnAnalystCannotPublish() {
        TaskListView view = open("analyst", Role.ANALYST);
        SavedFilterBar bar = view.savedFilterBar;
        bar.saveAs.click();
        assertThat(bar.team.isVisible()).isFalse();
        bar.save();
        assertThat(bar.name.isInvalid()).isTrue();
        assertThat(bar.dialog.isOpened()).isTrue();
        String name = "Mine " + UUID.randomUUID().toString().substring(0, 6);
        bar.name.setValue(name);
        bar.save();
        bar.saveAs.click();
        bar.name.setValue(name);
        bar.save();
        assertThat(bar.name.getErrorMessage()).contains("already have a filter named");
        bar.dialog.close();

        // a manager's team filter is listed for the analyst, but not deletable by them
        long team = RunAs.user("manager", () -> savedFilters.save("Team " + UUID.randomUUID().toString()
                .substring(0, 6), true, TaskFilter.of(Scope.GROUP)).id(), Role.MANAGER);
        bar.reload();
        bar.choice.setValue(bar.choice.getListDataView().getItems().filter(f -> f.id() == team).findFirst()
                .orElseThrow());
        assertThat(view.tabs.getSelectedTab()).isEqualTo(view.group);
        assertThat(bar.delete.isEnabled()).isFalse();
    }

    @Test
    void shortcutsMoveTheHighlightClaimAndShowTheirHelp() {
        TaskListView view = open("analyst", Role.ANALYST);
        view.tabs.setSelectedTab(view.group);
        List<WorkItem> rows = rows(view.grid);
        assertThat(rows).hasSizeGreaterThan(1);

        _fireShortcut(view.grid, Key.KEY_J);
        assertThat(view.shortcuts.current()).map(WorkItem::id).contains(rows.get(0).id());
        _fireShortcut(view.grid, Key.KEY_J);
        assertThat(view.shortcuts.current()).map(WorkItem::id).contains(rows.get(1).id());
        _fireShortcut(view.grid, Key.KEY_K);
        assertThat(view.shortcuts.current()).map(WorkItem::id).contains(rows.get(0).id());
        _fireShortcut(view.grid, Key.KEY_K); // stays on the first
        assertThat(view.shortcuts.current()).map(WorkItem::id).contains(rows.get(0).id());

        _fireShortcut(view.grid, Key.KEY_C);
        String claimed = rows.get(0).id();
        view.tabs.setSelectedTab(view.mine);
        assertThat(rows(view.grid)).extracting(WorkItem::id).contains(claimed);
        RunAs.user("analyst", () -> {
            worklistUnclaim(claimed);
            return null;
        }, Role.ANALYST);

        _fireShortcut(view.grid, Key.of("?"), KeyModifier.SHIFT);
        Dialog help = view.shortcuts.help;
        assertThat(help.isOpened()).isTrue();
        assertThat(help.getId()).contains("shortcut-help");
        String text = help.getElement().getTextRecursively();
        for (String[] shortcut : TaskListShortcuts.HELP) {
            assertThat(text).contains(shortcut[0]).contains(shortcut[1]);
        }
        help.close();
        view.shortcuts.help = null;
        _get(view, Button.class, spec -> spec.withId("shortcut-help-button")).click();
        assertThat(view.shortcuts.help.isOpened()).isTrue();
    }

    @Autowired Worklist worklist;

    void worklistUnclaim(String taskId) {
        worklist.unclaim(taskId);
    }

    static List<WorkItem> rows(Grid<WorkItem> grid) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            items.add(GridKt._get(grid, i));
        }
        return items;
    }

    @Test
    void theCsvLinkDownloadsTheListAsFilteredAndIsAudited() {
        TaskListView view = open("analyst", Role.ANALYST);
        view.tabs.setSelectedTab(view.group);
        view.caseType.setValue(CaseType.SELLER_VERIFICATION);
        int shown = GridKt._size(view.grid);
        assertThat(view.csv.getHref()).isNotBlank();
        CsvDownload download = view.csv.download();
        String text = new String(download.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("Case,Client,Case type,Task,Priority,Created,Due,Assignee,SLA\r\n");
        assertThat(download.rows()).isEqualTo(shown);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",Seller verification,"));
        assertThat(jdbc.queryForList("SELECT reason FROM audit_entry WHERE action = 'LIST_EXPORTED' AND who = 'analyst'"
                + " ORDER BY id DESC", String.class)).first().asString()
                .isEqualTo("tasks, " + shown + " rows, scope GROUP, case type SELLER_VERIFICATION");
    }
}
