package dev.attest.designer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
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
    @Autowired ZoneId zone;
    @Autowired RuntimeService runtime;
    @Autowired CaseIntake caseIntake;

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

    static String waitingProcess(String key, String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="https://attest.dev">
                  <bpmn:process id="%1$s" name="View probe" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Look" />
                    <bpmn:userTask id="Task_Look" name="%2$s" camunda:candidateGroups="analyst" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Look" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, taskName);
    }

    @Test
    void aDraftWithoutChangesCannotBeDeployedAndSaysWhyAndWhenItWasSavedInTheConsultancysZone() {
        login("designer", Role.DESIGNER);
        String key = "ViewProbe" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        DeployedModel v1 = RunAs.user("designer", () -> {
            DraftModel d = designer.newDraft(ModelKind.BPMN, "View probe " + key);
            DraftModel filled = designer.save(d.id(), d.version(), waitingProcess(key, "Look at it"));
            return designer.deploy(filled.id()).versions().get(0);
        }, Role.DESIGNER);
        runtime.startProcessInstanceByKey(key, "ATT-VIEW-1");
        runtime.startProcessInstanceByKey(key, "ATT-VIEW-2");
        DraftModel copy = RunAs.user("designer", () -> designer.draftFrom(v1.id()), Role.DESIGNER);

        UI.getCurrent().navigate(DraftView.class, copy.id());
        DraftView view = _get(DraftView.class);
        assertThat(view.deploy.isEnabled()).as("nothing to deploy").isFalse();
        assertThat(view.deployBlocked.isVisible()).isTrue();
        assertThat(view.deployBlocked.getText())
                .isEqualTo("The draft changes nothing against v1 (the layout aside): there is nothing to deploy");
        String newYork = DateTimeFormatter.ofPattern("HH:mm").format(copy.updatedAt().atZone(zone));
        assertThat(zone).as("the tests' configured zone is not the server's UTC").isEqualTo(ZoneId.of("America/New_York"));
        assertThat(view.saved.getText()).isEqualTo("Saved " + newYork + " by designer");
        _get(Button.class, spec -> spec.withId("back"));

        view.autosave(copy.xml().replace("name=\"Look at it\"", "name=\"Look at it twice\""));
        DraftModel saved = RunAs.user("designer", () -> designer.draft(copy.id()), Role.DESIGNER);
        assertThat(view.saved.getText()).isEqualTo("Saved "
                + DateTimeFormatter.ofPattern("HH:mm").format(saved.updatedAt().atZone(zone)) + " by designer");
        assertThat(view.deploy.isEnabled()).isTrue();
        assertThat(view.deployBlocked.isVisible()).isFalse();

        view.confirmDeploy();
        Dialog dialog = _get(Dialog.class);
        Paragraph note = _get(dialog, Paragraph.class, spec -> spec.withId("staying-note"));
        assertThat(note.getElement().getTextRecursively()).isEqualTo("New cases will use the new version. "
                + "2 running cases stay on v1 until you move them: migrate them from v1.");
        RouterLink link = _get(dialog, RouterLink.class, spec -> spec.withId("migration-link"));
        assertThat(link.getHref()).isEqualTo("designer/model/" + v1.id());

        _click(_get(dialog, Button.class, spec -> spec.withId("confirm-deploy")));
        _get(DesignerView.class);
        Notification done = _get(Notification.class);
        assertThat(done.getElement().getTextRecursively()).contains("Deployed " + key + " v2.")
                .contains("2 running cases stay on v1 until you move them");
    }

    @Test
    void aCasesStepsAreNamedByTheirLabelsAndEveryDesignerPageLeadsBack() {
        var request = new CaseIntakeRequest("ACCOUNT_RECOVERY_2FA",
                new CaseIntakeRequest.ClientInput("Label Reader", "labels@example.com", null, null,
                        "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null,
                        new CaseIntakeRequest.AddressInput("1 Main St", null, "Austin", "TX", "78701",
                                "US")),
                null, null);
        String reference = RunAs.user("intake", () -> caseIntake.open(request), Role.INTAKE).getReference();
        login("designer", Role.DESIGNER);
        UI.getCurrent().navigate(CaseStandView.class, reference);
        CaseStandView stand = _get(CaseStandView.class);
        assertThat(_find(stand, Paragraph.class, spec -> spec.withClasses("waiting-in")))
                .extracting(p -> p.getText()).contains("Waiting in: Reset two-step verification")
                .noneMatch(text -> text.contains("CallActivity_"));
        RouterLinkKt._click(_get(stand, RouterLink.class, spec -> spec.withId("back")));
        _get(DesignerView.class);

        DeployedModel documentCheck = RunAs.user("designer", designer::deployed, Role.DESIGNER).stream()
                .filter(m -> m.key().equals("DocumentCheck") && m.latest()).findFirst().orElseThrow();
        UI.getCurrent().navigate(ModelView.class, documentCheck.id());
        RouterLinkKt._click(
                _get(_get(ModelView.class), RouterLink.class, spec -> spec.withId("back")));
        _get(DesignerView.class);
    }
}
