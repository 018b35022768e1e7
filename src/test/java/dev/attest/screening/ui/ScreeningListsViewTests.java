package dev.attest.screening.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;

import dev.attest.identity.Role;
import dev.attest.screening.ListFormat;
import dev.attest.screening.ListVersion;
import dev.attest.screening.SampleLists;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.SanctionsLists;
import dev.attest.screening.SanctionsListsTests;
import dev.attest.ui.KaribuTest;

/**
 * The sanctions lists view: refused to everyone but administrators; an administrator uploads a file with its format
 * and sees the new version with its counts and delta; a truncated file is refused in words and loads nothing.
 */
class ScreeningListsViewTests extends KaribuTest {

    @Autowired SanctionsLists lists;

    @Test
    void everyRoleButAdministratorsIsRefused() {
        for (Role role : List.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE, Role.DESIGNER)) {
            login("someone", role);
            assertNotAllowed(role.name(), () -> UI.getCurrent().navigate("admin/screening-lists"));
        }
    }

    @Test
    void anAdministratorUploadsAListAndSeesTheVersionWithItsDelta() {
        SanctionsListsTests.loadSomethingElse(lists, ListFormat.FTM_JSON);
        SanctionsListsTests.load(lists, ListFormat.FTM_JSON, SampleLists.first());
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/screening-lists");
        ScreeningListsView view = _get(ScreeningListsView.class);

        view.format.setValue(ListFormat.FTM_JSON);
        assertThat(view.aliases.isVisible()).as("alt.csv is only for OFAC's CSV").isFalse();
        UploadKt._upload(view.file, "entities.ftm.json", "application/json",
                SampleLists.files(ListFormat.FTM_JSON, SampleLists.second()).get("file"));
        assertThat(view.fileChosen.getText()).isEqualTo("Ready: entities.ftm.json");
        _click(view.load);

        assertThat(view.outcome.getText()).startsWith("Loaded OpenSanctions version").contains(
                "3 entries, 1 added, 1 removed, 1 changed.").endsWith("The open cases are being screened against the"
                + " added and changed entries; new hits become screening tasks.");
        int row = -1;
        for (int i = 0; i < GridKt._size(view.versions) && row < 0; i++) {
            ListVersion v = GridKt._get(view.versions, i);
            if (v.list() == SanctionsList.OPENSANCTIONS && v.inForce()) {
                row = i;
            }
        }
        assertThat(row).as("the list's version in force is shown").isNotNegative();
        assertThat(GridKt._get(view.versions, row).format()).isEqualTo(ListFormat.FTM_JSON);
        assertThat(GridKt._getFormattedRow(view.versions, row)).contains("OpenSanctions", "In force", "+1 −1 ~1",
                "admin");
        assertThat(view.fileChosen.getText()).isEqualTo("No file chosen");

        // the open cases' re-screening finishes in the background: the versions list shows when
        ListVersion loaded = GridKt._get(view.versions, row);
        SanctionsListsTests.awaitRescreened(lists, loaded);
        view.refresh();
        assertThat(GridKt._getFormattedRow(view.versions, row)).doesNotContain("Pending");
        assertThat(GridKt._get(view.versions, row).rescreenedAt()).isNotNull();
    }

    @Test
    void aTruncatedFileIsRefusedInWordsAndLoadsNothing() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/screening-lists");
        ScreeningListsView view = _get(ScreeningListsView.class);
        int before = GridKt._size(view.versions);
        view.format.setValue(ListFormat.OFAC_SDN_CSV);
        assertThat(view.aliases.isVisible()).isTrue();
        Map<String, byte[]> files = SampleLists.files(ListFormat.OFAC_SDN_CSV, SampleLists.first());
        byte[] sdn = files.get("file");
        UploadKt._upload(view.file, "sdn.csv", "text/csv", java.util.Arrays.copyOf(sdn, sdn.length / 2));
        UploadKt._upload(view.aliases, "alt.csv", "text/csv", files.get("aliases"));
        _click(view.load);

        assertThat(view.outcome.getText()).startsWith("Refused, nothing loaded: file: ").contains("truncated");
        assertThat(GridKt._size(view.versions)).isEqualTo(before);
    }
}
