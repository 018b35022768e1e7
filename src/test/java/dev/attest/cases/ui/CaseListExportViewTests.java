package dev.attest.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import dev.attest.export.CsvDownload;
import dev.attest.identity.Role;
import dev.attest.ui.KaribuTest;

/** The case list's CSV link: offered to those who may export, downloading the list as searched. */
class CaseListExportViewTests extends KaribuTest {

    @Test
    void anAnalystDownloadsTheSearchedCases() {
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate(CaseListView.class);
        CaseListView view = _get(CaseListView.class);
        assertThat(view.csv.isVisible()).isTrue();
        assertThat(view.csv.getHref()).isNotBlank();
        view.search.setValue("CASE-2026-000001");
        CsvDownload download = view.csv.download();
        String text = new String(download.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("Reference,Client,E-mail,Type,Status,Priority,Opened,Closed\r\n");
        assertThat(download.rows()).isEqualTo(1);
        assertThat(text).contains("\r\nCASE-2026-000001,");
    }

    @Test
    void intakeIsNotOfferedTheLink() {
        login("intake", Role.INTAKE);
        UI.getCurrent().navigate(CaseListView.class);
        assertThat(_get(CaseListView.class).csv.isVisible()).isFalse();
    }
}
