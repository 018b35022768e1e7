package dev.attest.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Location;

/**
 * What Attest shows when it cannot show the page asked for: a heading, one sentence on what happened, the path that
 * was asked for (as text, whatever characters it holds) and a link back to the user's start page, inside the main
 * layout. The error views fill it in; they differ only in the words and the HTTP status.
 */
abstract class RefusalPage extends VerticalLayout {

    /** The root route: the task list, which sends roles without one on to their own start page. */
    static final String START_PAGE = ".";

    private final H2 heading = new H2();
    private final Paragraph what = new Paragraph();
    private final Span path = new Span();

    RefusalPage() {
        heading.setId("refusal-heading");
        what.setId("refusal-reason");
        path.setId("refused-path");
        path.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Anchor back = new Anchor(START_PAGE, "Back to your start page");
        back.setId("refusal-back");
        back.getElement().setAttribute("router-link", true);
        add(heading, what, new Paragraph(new Span("Address asked for: "), path), back);
    }

    /** Fills in the page for a refusal of {@code location}; its path is set as text, never parsed as HTML. */
    void show(String headingText, String sentence, Location location) {
        heading.setText(headingText);
        what.setText(sentence);
        path.setText("/" + location.getPath());
    }
}
