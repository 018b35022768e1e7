package dev.attest.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseType;
import dev.attest.cases.CaseWorkflow;
import dev.attest.cases.CountryCode;
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
        form.clientCountry.setValue(CountryCode.of("US"));
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
        assertThat(form.addressCountry.code()).as("address country follows the client's").isEqualTo("US");
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
        Grid<CaseWorkflow.OpenTask> tasks = _get(Grid.class, spec -> spec.withId("case-tasks"));
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
    void aNationalPhoneAStateNameAndACountryNameAreTakenAndSavedNormalised() {
        IntakeForm form = openForm("intake", Role.INTAKE);
        fillValid(form);
        form.fullName.setValue("Ada Forgiving");
        form.clientCountry.clear();
        ComboBoxKt.setUserInput(form.clientCountry, "united st");
        assertThat(ComboBoxKt.getSuggestions(form.clientCountry)).containsExactly("United States");
        ComboBoxKt._fireCustomValueSet(form.clientCountry, "United States of America");
        assertThat(form.clientCountry.code()).isEqualTo("US");
        _setValue(form.phone, "(512) 555-0199");
        assertThat(form.phone.isInvalid()).isFalse();
        assertThat(form.phone.getHelperText()).isEqualTo("Saved as +1 512-555-0199");
        form.line1.setValue("500 Congress Avenue");
        form.city.setValue("Austin");
        _setValue(form.region, "texas");
        assertThat(form.region.isInvalid()).isFalse();
        assertThat(form.region.getHelperText()).isEqualTo("Texas (TX)");
        form.postalCode.setValue("78701");

        _click(form.submit);

        CaseFile opened = caseFiles.findAll().stream().filter(c -> c.getClient().fullName().equals("Ada Forgiving"))
                .findFirst().orElseThrow();
        expectNotifications("Opened " + opened.getReference());
        assertThat(opened.getClient().phone().e164()).isEqualTo("+15125550199");
        assertThat(opened.getClient().country().value()).isEqualTo("US");
        assertThat(opened.getAccount().addressOnFile().region()).isEqualTo("TX");
    }

    @Test
    void theAddressCountryFollowsTheClientsUntilChosenByHand() {
        IntakeForm form = openForm("intake", Role.INTAKE);
        _setValue(form.clientCountry, CountryCode.of("US"));
        assertThat(form.addressCountry.code()).isEqualTo("US");
        _setValue(form.clientCountry, CountryCode.of("Canada"));
        assertThat(form.addressCountry.code()).as("still following").isEqualTo("CA");

        _setValue(form.addressCountry, CountryCode.of("Germany"));
        _setValue(form.clientCountry, CountryCode.of("Italy"));
        assertThat(form.addressCountry.code()).as("chosen by hand, so it stays").isEqualTo("DE");
    }

    @Test
    void requiredFieldsAreMarkedBeforeSubmittingAndTheRegionWhenTheCountryNeedsOne() {
        IntakeForm form = openForm("intake", Role.INTAKE);
        assertThat(List.<HasValue<?, ?>>of(form.type, form.fullName, form.email, form.clientCountry, form.marketplace,
                form.line1, form.city, form.postalCode, form.addressCountry))
                .allSatisfy(f -> assertThat(f.isRequiredIndicatorVisible()).isTrue());
        assertThat(List.<HasValue<?, ?>>of(form.phone, form.businessName, form.sellerId, form.line2, form.description))
                .allSatisfy(f -> assertThat(f.isRequiredIndicatorVisible()).isFalse());
        _setValue(form.clientCountry, CountryCode.of("US"));
        assertThat(form.region.isRequiredIndicatorVisible()).isTrue();
        _setValue(form.addressCountry, CountryCode.of("DE"));
        assertThat(form.region.isRequiredIndicatorVisible()).isFalse();
        assertThat(form.region.getHelperText()).isEqualTo("If the address has one");
    }

    @Test
    void countriesAreChosenByNameAndBadValuesAreExplainedAtTheField() {
        IntakeForm form = openForm("intake", Role.INTAKE);
        ComboBoxKt.setUserInput(form.clientCountry, "cote");
        assertThat(ComboBoxKt.getSuggestions(form.clientCountry)).containsExactly("Côte d’Ivoire");
        ComboBoxKt.setUserInput(form.clientCountry, "");
        assertThat(ComboBoxKt.getSuggestions(form.clientCountry)).hasSize(CountryCode.all().size())
                .noneMatch(label -> label.matches("[A-Z]{2}( .*)?")).startsWith("Afghanistan");
        ComboBoxKt._fireCustomValueSet(form.clientCountry, "Atlantis");
        assertThat(form.clientCountry.isInvalid()).isTrue();
        assertThat(form.clientCountry.getErrorMessage())
                .isEqualTo("Not a country we know: choose it from the list by its English name");

        _setValue(form.clientCountry, CountryCode.of("US"));
        _setValue(form.phone, "555-0199");
        assertThat(form.phone.isInvalid()).isTrue();
        assertThat(form.phone.getErrorMessage()).startsWith("Is not a valid phone number for United States");
        _setValue(form.region, "Texxas");
        assertThat(form.region.getErrorMessage())
                .isEqualTo("Is not a US state: give its name or its two-letter code, e.g. Texas or TX");
        _setValue(form.clientCountry, CountryCode.of("GB"));
        _setValue(form.phone, "020 7946 0958");
        assertThat(form.phone.isInvalid()).isFalse();
        assertThat(form.phone.getHelperText()).isEqualTo("Saved as +44 20 7946 0958");
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
        assertThat(GridKt._size(grid)).isEqualTo(1);
        CaseFile closed = GridKt._get(grid, 0);

        UI.getCurrent().navigate("cases/" + closed.getReference());
        @SuppressWarnings("unchecked")
        Grid<CaseWorkflow.TimelineEntry> timeline = _get(Grid.class,
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
