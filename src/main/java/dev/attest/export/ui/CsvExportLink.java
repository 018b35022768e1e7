package dev.attest.export.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import dev.attest.export.CsvDownload;
import dev.attest.export.CsvTable;

/**
 * A link that downloads a list as CSV. The list is read (and the export audited) when the link is followed, with
 * the filter the list has at that moment, by the service the {@code export} supplier calls.
 */
public class CsvExportLink extends Anchor {

    private final transient Supplier<CsvDownload> export;

    public CsvExportLink(String id, Supplier<CsvDownload> export) {
        this.export = export;
        setHref(DownloadHandler.fromInputStream(event -> {
            CsvDownload download = export.get();
            return new DownloadResponse(new ByteArrayInputStream(download.content()), download.fileName(),
                    CsvTable.MEDIA_TYPE + ";charset=UTF-8", download.content().length);
        }));
        getElement().setAttribute("download", true);
        setTarget(AnchorTarget.BLANK);
        setId(id);
        add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("CSV"));
        getElement().setAttribute("title", "Download this list as CSV (what the filter shows, at most the export "
                + "limit)");
        addClassName("csv-export");
    }

    /** The download as the link would produce it now (read and audited). */
    public CsvDownload download() {
        return export.get();
    }
}
