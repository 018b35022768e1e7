package dev.attest.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseType;
import dev.attest.cases.internal.CaseFiles;
import dev.attest.identity.Role;
import dev.attest.ui.KaribuTest;

/** The intake form and the case views, server-side. */
class IntakeViewTests extends KaribuTest {

    @Autowired CaseFiles caseFiles;

    private IntakeForm openForm(String user, Role role) {
        login(user, role);
        UI.getCurrent().navigate(IntakeView.class);
        return _get(IntakeView.class).form;
    }

    private static void fillValid(IntakeForm form) {
        form.type.setValue(CaseType.SELLER_VERIFICATION);
        form.fullName.setValue("Grace Hopper");
        form.email.setValue("grace@hopper-goods.example.com");
        form.phone.setValue("+12025550143");
        form.businessName.setValue("Hopper Goods LLC");
        form.clientCountry.setValue("US");
        form.marketplace.setValue("amazon.com");
        form.line1.setValue("1600 Pennsylvania Avenue NW");
        form.city.setValue("Washington");
        form.region.setValue("DC");
        form.postalCode.setValue("20500");
        form.suspended.setValue(true);
    }

    @Test
    void intakeOpensACaseAndSeesIt() {
        IntakeForm form = openForm("intake", Role.INTAKE);
        fillValid(form);
        assertThat(form.addressCountry.getValue()).as("address country follows the client's").isEqualTo("US");
        long before = caseFiles.count();

        _click(form.submit);

        assertThat(caseFiles.count()).isEqualTo(before + 1);
        CaseFile opened = caseFiles.findAll().stream().filter(c -> c.getClient().fullName().equals("Grace Hopper"))
                .findFirst().orElseThrow();
        expectNotifications("Opened " + opened.getReference());
        CaseView view = _get(CaseView.class);
        assertThat(view.getPageTitle()).startsWith(opened.getReference());
        assertThat(opened.getPriority().name()).isEqualTo("HIGH");
        @SuppressWarnings("unchecked")
        Grid<dev.attest.cases.CaseWorkflow.OpenTask> tasks = _get(Grid.class, spec -> spec.withId("case-tasks"));
        assertThat(tasks.getGenericDataView().getItems().map(t -> t.name()))
                .as("seller verification starts with the ownership structure while documents are awaited")
                .containsExactly("Record ownership structure");
        assertThat(_get(Grid.class, spec -> spec.withId("documents")).getGenericDataView().getItems().count()).isZero();
    }

    @Test
    void invalidFieldsAreMarkedAsYouTypeAndOnSubmitAndNothingIsStored() {
        IntakeForm form = openForm("analyst", Role.ANALYST);
        fillValid(form);
        form.email.setValue("grace@");
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getErrorMessage()).isEqualTo("Is not a valid e-mail address");
        form.phone.setValue("555-0143");
        assertThat(form.phone.isInvalid()).isTrue();
        form.postalCode.setValue("ABCDE");
        assertThat(form.postalCode.isInvalid()).isTrue();
        form.fullName.clear();
        long before = caseFiles.count();

        _click(form.submit);

        expectNotifications("Please correct the marked fields (4)");
        assertThat(caseFiles.count()).isEqualTo(before);
        assertThat(form.fullName.isInvalid()).isTrue();
        assertThat(form.fullName.getErrorMessage()).isEqualTo("Is required");

        form.email.setValue("grace@hopper-goods.example.com");
        assertThat(form.email.isInvalid()).isFalse();
    }

    @Test
    void designersMayNotOpenCasesNorReadThem() {
        login("designer", Role.DESIGNER);
        assertNotAllowed("designer at the intake form", () -> UI.getCurrent().navigate(IntakeView.class));
        assertNotAllowed("designer at the case list", () -> UI.getCurrent().navigate(CaseListView.class));
    }

    @Test
    void caseListSearchesAndTheCaseViewShowsTheTimeline() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(CaseListView.class);
        CaseListView list = _get(CaseListView.class);
        list.search.setValue("Daniel Kim");
        @SuppressWarnings("unchecked")
        Grid<CaseFile> grid = list.grid;
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        CaseFile closed = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0);

        UI.getCurrent().navigate("cases/" + closed.getReference());
        @SuppressWarnings("unchecked")
        Grid<dev.attest.cases.CaseWorkflow.TimelineEntry> timeline = _get(Grid.class,
                spec -> spec.withId("case-timeline"));
        assertThat(timeline.getGenericDataView().getItems().map(e -> e.what()).toList())
                .containsSubsequence("Case opened", "Triage case", "Record triage", "Driver's license added to the case",
                        "Driver's license approved", "Check identity document",
                        "Done: Prepare the submission", "Done: Submit at the marketplace",
                        "Record the submission", "Marketplace decided", "Send the authenticator guidance",
                        "Done: Confirm the switch to an authenticator app", "Close case", "Case closed")
                .contains("Record the recovery", "Access restored", "Reset two-step verification")
                .doesNotContain("Document check started", "Run automated checks", "Request document from client")
                .noneMatch(w -> w.startsWith("Task created") || w.startsWith("Done: Review"));
        assertThat(timeline.getGenericDataView().getItems().filter(e -> "Case opened".equals(e.what()))).hasSize(1);
        assertThat(timeline.getGenericDataView().getItems().filter(e -> e.what().startsWith("Took the task: "))
                .map(e -> e.who())).containsOnly("analyst").hasSize(4);
    }

    @Test
    void anUnknownCaseSaysSo() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/CASE-2026-999999");
        assertThat(_get(CaseView.class).getPageTitle()).isEqualTo("No such case");
    }
}
