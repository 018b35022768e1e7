package dev.attest.screening.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.attest.identity.Role;
import dev.attest.screening.FixedListsInForce;
import dev.attest.screening.ScreeningSearch;
import dev.attest.ui.KaribuTest;

/** An analyst searches a name in the browser and reads each hit's explanation; other roles do not get the view. */
@Import(FixedListsInForce.class)
class ScreeningSearchViewTests extends KaribuTest {

    @SuppressWarnings("unchecked")
    static List<ScreeningSearch.Hit> hits() {
        Grid<ScreeningSearch.Hit> grid = _get(Grid.class, spec -> spec.withId("screening-hits"));
        return GridKt._fetch(grid, 0, 100);
    }

    static List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void anAnalystSearchesANameInCyrillicAndReadsWhyItHit() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("screening/search");
        ScreeningSearchView view = _get(ScreeningSearchView.class);
        assertThat(menu()).contains("Sanctions search");

        view.name.setValue("Сергей Иванов");
        view.dateOfBirth.setValue(LocalDate.of(1960, 1, 1));
        view.country.setValue("RU");
        _click(_get(Button.class, spec -> spec.withId("screening-search")));

        assertThat(hits()).hasSize(1);
        ScreeningSearch.Hit hit = hits().get(0);
        assertThat(hit.entryId()).isEqualTo("36001");
        assertThat(hit.reasons().get(0)).startsWith("name 'Сергей Иванов' ~ ").contains("transliterated");
        assertThat(hit.reasons()).contains("date of birth 1960-01-01 matches: +0.05", "country RU matches: +0.03");
        assertThat(_get(Paragraph.class, spec -> spec.withId("screening-outcome")).getText())
                .isEqualTo("1 possible match, best first.");
        // the explanation is in the grid's row, one paragraph per reason
        @SuppressWarnings("unchecked")
        Grid<ScreeningSearch.Hit> grid = _get(Grid.class, spec -> spec.withId("screening-hits"));
        assertThat(GridKt._getCellComponent(grid, 0, "reasons").getChildren().map(c -> ((Paragraph) c).getText()))
                .containsExactlyElementsOf(hit.reasons());
    }

    @Test
    void noHitSaysSoAndBadFieldsAreMarked() {
        login("senior", Role.SENIOR_ANALYST);
        UI.getCurrent().navigate("screening/search");
        ScreeningSearchView view = _get(ScreeningSearchView.class);
        view.name.setValue("Anna Petrova");
        _click(view.search);
        assertThat(view.outcome.getText()).isEqualTo("No entry of the lists in force matches.");
        assertThat(view.hits.isVisible()).isFalse();

        view.name.setValue("   ");
        view.country.setValue("Atlantis");
        _click(view.search);
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.country.isInvalid()).isTrue();
        assertThat(view.country.getErrorMessage()).contains("not a country");
        assertThat(view.outcome.getText()).isEqualTo("Please correct the marked fields.");

        view.name.setValue("Ivanov Sergei");
        view.country.setValue("");
        _click(view.search);
        assertThat(view.name.isInvalid()).isFalse();
        assertThat(hits()).extracting(ScreeningSearch.Hit::entryId).containsExactly("36001");
    }

    @Test
    void onlyAnalystsSeniorAnalystsAndManagersOpenIt() {
        for (Role role : List.of(Role.INTAKE, Role.DESIGNER, Role.ADMIN)) {
            login("someone", role);
            assertNotAllowed(role + " opens the search", () -> UI.getCurrent().navigate("screening/search"));
            assertThat(menu()).doesNotContain("Sanctions search");
        }
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("screening/search");
        assertThat(_find(ScreeningSearchView.class)).hasSize(1);
    }
}
