package dev.attest.screening.ui;

import java.nio.file.Files;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.identity.Role;
import dev.attest.screening.ListFile;
import dev.attest.screening.ListFormat;
import dev.attest.screening.ListLoadConflictException;
import dev.attest.screening.ListUnchangedException;
import dev.attest.screening.ListVersion;
import dev.attest.screening.SanctionsLists;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * The sanctions lists (ADMIN): upload a list file in one of the published formats, and every loaded version with its
 * counts and what changed since the list's previous version.
 */
@Route("admin/screening-lists")
@PageTitle("Sanctions lists · Attest")
@RolesAllowed(Role.Names.ADMIN)
public class ScreeningListsView extends VerticalLayout {

    final Select<ListFormat> format = new Select<>();
    final Upload file;
    final Upload aliases;
    final Span fileChosen = new Span("No file chosen");
    final Span aliasesChosen = new Span("No alt.csv chosen (optional)");
    final Button load = new Button("Load list");
    final Paragraph outcome = new Paragraph();
    final Grid<ListVersion> versions = new Grid<>();

    private final SanctionsLists lists;
    private ListFileUpload.Received received;
    private ListFileUpload.Received receivedAliases;

    public ScreeningListsView(SanctionsLists lists, ZoneId zone) {
        this.lists = lists;
        long max = lists.maxFileSize();
        format.setId("screening-format");
        format.setLabel("Format");
        format.setItems(ListFormat.values());
        format.setItemLabelGenerator(f -> f.list().label() + " · " + label(f));
        format.setPlaceholder("Choose the file's format");
        format.addValueChangeListener(e -> aliasesVisible());

        file = new Upload(new ListFileUpload(max, r -> {
            replace(received);
            received = r.tooLarge() ? null : r;
            fileChosen.setText(r.tooLarge() ? "Too large: at most " + max / (1024 * 1024) + " MB"
                    : "Ready: " + r.fileName());
        }));
        file.setId("screening-file");
        file.setMaxFiles(1);
        file.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        file.setAcceptedFileTypes(".xml", ".csv", ".json", ".jsonl", ".zip");
        fileChosen.setId("screening-file-chosen");
        aliases = new Upload(new ListFileUpload(max, r -> {
            replace(receivedAliases);
            receivedAliases = r.tooLarge() ? null : r;
            aliasesChosen.setText(r.tooLarge() ? "Too large" : "Ready: " + r.fileName());
        }));
        aliases.setId("screening-aliases");
        aliases.setMaxFiles(1);
        aliases.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        aliases.setAcceptedFileTypes(".csv");
        aliasesVisible();

        load.setId("screening-load");
        load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        load.addClickListener(e -> load());
        outcome.setId("screening-outcome");

        versions.setId("screening-versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(v -> v.list().label()).setHeader("List").setAutoWidth(true);
        versions.addColumn(ListVersion::number).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.inForce() ? "In force" : "").setHeader("").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> label(v.format())).setHeader("Format").setAutoWidth(true);
        versions.addColumn(v -> v.publishedOn() == null ? "—" : v.publishedOn().toString()).setHeader("Published")
                .setAutoWidth(true);
        versions.addColumn(ListVersion::entries).setHeader("Entries").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> "+" + v.added() + " −" + v.removed() + " ~" + v.changed())
                .setHeader("Added · removed · changed").setAutoWidth(true);
        versions.addColumn(v -> v.rescreenedAt() != null ? Formats.dateTime(v.rescreenedAt(), zone)
                : v.added() + v.changed() == 0 ? "—" : "Pending").setHeader("Open cases screened").setAutoWidth(true);
        versions.addColumn(ListVersion::loadedBy).setHeader("Loaded by").setAutoWidth(true);
        versions.addColumn(v -> Formats.dateTime(v.loadedAt(), zone)).setHeader("Loaded").setAutoWidth(true);
        versions.addColumn(v -> v.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);

        add(new H2("Sanctions lists"), new Paragraph("Load a list file as published (or a zip of it). The newest "
                + "version of each list is the one screening uses; a malformed, truncated or empty file is refused "
                + "whole and the version in force stays."), format, file, fileChosen, aliases, aliasesChosen, load,
                outcome, versions);
        setSizeFull();
        refresh();
    }

    private void aliasesVisible() {
        boolean ofacCsv = format.getValue() == ListFormat.OFAC_SDN_CSV;
        aliases.setVisible(ofacCsv);
        aliasesChosen.setVisible(ofacCsv);
    }

    private void load() {
        outcome.removeClassNames("error", "success");
        try {
            ListFile main = received == null ? null : new ListFile(received.fileName(), received.size(),
                    () -> Files.newInputStream(received.path()));
            ListFile alt = receivedAliases == null || format.getValue() != ListFormat.OFAC_SDN_CSV ? null
                    : new ListFile(receivedAliases.fileName(), receivedAliases.size(),
                            () -> Files.newInputStream(receivedAliases.path()));
            ListVersion v = lists.load(format.getValue(), main, alt);
            outcome.setText("Loaded " + v.list().label() + " version " + v.number() + ": " + v.entries()
                    + " entries, " + v.added() + " added, " + v.removed() + " removed, " + v.changed() + " changed."
                    + (v.added() + v.changed() == 0 ? "" : " The open cases are being screened against the added and"
                            + " changed entries; new hits become screening tasks."));
            outcome.addClassName("success");
            clearFiles();
            refresh();
        } catch (InvalidInputException e) {
            outcome.setText("Refused, nothing loaded: " + String.join("; ", e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).toList()));
            outcome.addClassName("error");
        } catch (ListUnchangedException | ListLoadConflictException e) {
            outcome.setText(e.getMessage());
            outcome.addClassName("error");
        }
    }

    void refresh() {
        versions.setItems(lists.versions());
    }

    private void clearFiles() {
        replace(received);
        replace(receivedAliases);
        received = null;
        receivedAliases = null;
        file.clearFileList();
        aliases.clearFileList();
        fileChosen.setText("No file chosen");
        aliasesChosen.setText("No alt.csv chosen (optional)");
    }

    private static void replace(ListFileUpload.Received r) {
        if (r != null) {
            r.delete();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        clearFiles();
        super.onDetach(detachEvent);
    }

    private static String label(ListFormat f) {
        return switch (f) {
            case OFAC_SDN_XML -> "sdn.xml";
            case OFAC_SDN_CSV -> "sdn.csv (+ alt.csv)";
            case UN_XML -> "consolidated XML";
            case EU_XML -> "financial sanctions XML";
            case UK_CSV -> "UK sanctions list CSV";
            case FTM_JSON -> "FollowTheMoney JSON lines";
        };
    }
}
