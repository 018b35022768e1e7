package dev.attest.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Where users land whose roles have no task list and no case work (designers). */
@Route("welcome")
@PageTitle("Attest")
@PermitAll
public class NoWorkView extends VerticalLayout {

    public NoWorkView() {
        add(new H2("Nothing to work on here"),
                new Paragraph("Your role has no task list and no access to case files. Process definitions and "
                        + "deployments are managed by process designers; ask an administrator if you need another role."));
    }
}
