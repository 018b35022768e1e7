package dev.attest.designer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.communication.FailedMails;
import dev.attest.communication.MailStatus;
import dev.attest.communication.OutboxMessage;
import dev.attest.communication.internal.OutboxMessages;
import dev.attest.designer.DeployedModel;
import dev.attest.designer.Designer;
import dev.attest.designer.DraftModel;
import dev.attest.designer.ModelKind;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;

/**
 * The designer's views: refused to everyone but designers (and admins, who may look), the deployed versions
 * listed, a new process opened in the modeler, validation problems listed with their elements, and where a
 * version's cases stand with its incidents and the migration panel.
 */
class DesignerViewTests extends KaribuTest {

    @Autowired Designer designer;
    @Autowired OutboxMessages outbox;

    @Test
    void rolesOtherThanDesignerAndAdminAreRefusedEveryDesignerView() {
        for (Role role : List.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE)) {
            login("someone", role);
            for (String route : List.of("designer", "designer/draft/1", "designer/model/CaseIntake:1:x",
                    "designer/case/ATT-1")) {
                assertNotAllowed(role + " " + route, () -> UI.getCurrent().navigate(route));
            }
        }
        login("admin", Role.ADMIN);
        assertNotAllowed("admins may not edit", () -> UI.getCurrent().navigate("designer/draft/1"));
        UI.getCurrent().navigate(DesignerView.class);
        _get(DesignerView.class);
        assertThat(_find(Button.class, spec -> spec.withText("New process"))).as("admins see no edit buttons").isEmpty();
    }

    @Test
    void aDesignerSeesTheDeployedVersionsAndStartsANewProcess() {
        login("designer", Role.DESIGNER);
        UI.getCurrent().navigate(DesignerView.class);
        DesignerView view = _get(DesignerView.class);
        List<DeployedModel> rows = GridKt._fetch(view.deployed, 0, 100);
        assertThat(rows).extracting(DeployedModel::key).contains("CaseIntake", "DocumentCheck", "CaseTriage");

        _click(_get(Button.class, spec -> spec.withText("New process")));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Supplier onboarding");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        DraftView draft = _get(DraftView.class);
        assertThat(draft.status.getText()).isEqualTo("supplier-onboarding.bpmn · new");
        _get(BpmnEditor.class);
        assertThat(draft.validateNow()).isEmpty();
    }

    @Test
    void validationProblemsAreListedWithTheirElements() {
        login("designer", Role.DESIGNER);
        DraftModel d = RunAs.user("designer", () -> designer.newDraft(ModelKind.BPMN, "Probe with a script"),
                Role.DESIGNER);
        RunAs.user("designer", () -> designer.save(d.id(), d.version(), d.xml().replace(
                "<bpmn:startEvent id=\"StartEvent_1\" name=\"Started\" />",
                "<bpmn:startEvent id=\"StartEvent_1\" /><bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"js\" />")),
                Role.DESIGNER);
        UI.getCurrent().navigate(DraftView.class, d.id());
        DraftView view = _get(DraftView.class);
        view.showProblems(view.validateNow());
        assertThat(view.problems.getElement().getTextRecursively()).contains("Task_Script")
                .contains("Script tasks are not allowed");
        view.deployNow();
        assertThat(view.problems.getElement().getTextRecursively()).contains("Task_Script");
        assertThat(RunAs.user("designer", designer::drafts, Role.DESIGNER)).extracting(DraftModel::id)
                .as("a refused draft is kept").contains(d.id());
    }

    @Test
    void aVersionShowsItsCasesIncidentsAndTheMigrationPanel() {
        login("designer", Role.DESIGNER);
        DeployedModel intake = RunAs.user("designer", designer::deployed, Role.DESIGNER).stream()
                .filter(m -> m.key().equals("DocumentCheck") && m.latest()).findFirst().orElseThrow();
        UI.getCurrent().navigate(ModelView.class, intake.id());
        ModelView view = _get(ModelView.class);
        _get(BpmnEditor.class);
        assertThat(view.incidents.isAttached()).isTrue();
        assertThat(view.check.isAttached()).isTrue();
        assertThat(view.counts()).as("demo cases wait in the document check").isNotEmpty()
                .allSatisfy(c -> assertThat(c.instances()).isPositive());

        UI.getCurrent().navigate(CaseStandView.class, "NO-SUCH-CASE");
        assertThat(_get(CaseStandView.class).progress).isEmpty();
    }

    @Test
    void anAdminRetriesAnEMailThatCouldNotBeSentFromTheDesignersHome() {
        OutboxMessage failed = FailedMails.store(outbox, "CASE-2026-990010", "Your documents, please");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(DesignerView.class);
        DesignerView view = _get(DesignerView.class);
        assertThat(view.failedMails.isVisible()).isTrue();
        assertThat(view.failedMails.getElement().getTextRecursively()).contains("E-mails that could not be sent");

        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = _get(view, Grid.class, spec -> spec.withId("failed-mails-grid"));
        List<UUID> rows = GridKt._fetch(grid, 0, 500).stream().map(OutboxMessage::getId).toList();
        assertThat(rows).contains(failed.getId());

        _click((Button) GridKt._getCellComponent(grid, rows.indexOf(failed.getId()), "retry"));

        assertThat(outbox.findById(failed.getId()).orElseThrow().getStatus()).isNotEqualTo(MailStatus.FAILED);
        assertThat(GridKt._fetch(grid, 0, 500)).extracting(OutboxMessage::getId).doesNotContain(failed.getId());
    }
}
