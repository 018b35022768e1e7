package dev.attest.designer.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import dev.attest.designer.CaseProgress;
import dev.attest.designer.Designer;
import dev.attest.identity.Role;

/**
 * Where one case stands: each of its running process instances on its diagram, current activities marked and
 * named as the model names them, with a link to the version's page.
 */
@Route("designer/case")
@PageTitle("Where a case stands · Attest")
@RolesAllowed({Role.Names.DESIGNER, Role.Names.ADMIN})
public class CaseStandView extends VerticalLayout implements HasUrlParameter<String> {

    private final Designer designer;
    List<CaseProgress> progress = List.of();

    public CaseStandView(Designer designer) {
        this.designer = designer;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String caseReference) {
        removeAll();
        add(ModelView.backToDesigner(), new H2("Where " + caseReference + " stands"));
        try {
            progress = designer.caseProgress(caseReference);
        } catch (IllegalArgumentException e) {
            add(new Paragraph(e.getMessage()));
            return;
        }
        if (progress.isEmpty()) {
            add(new Paragraph("No process is running for this case (it may be closed, or the reference is wrong)."));
            return;
        }
        for (CaseProgress p : progress) {
            String title = p.definition() == null ? p.processInstanceId()
                    : (p.definition().name() == null ? p.definition().key() : p.definition().name()) + " · v"
                            + p.definition().version();
            Paragraph waiting = new Paragraph("Waiting in: " + String.join(", ",
                    p.activities().stream().map(a -> a.label() + (a.incidents() > 0 ? " (incident)" : "")).toList()));
            waiting.addClassName("waiting-in");
            add(new H3(title), waiting);
            if (p.definition() != null) {
                add(new RouterLink("All cases on " + title, ModelView.class, p.definition().id()));
            }
            if (p.definition() != null) {
                BpmnEditor viewer = new BpmnEditor(false);
                viewer.getStyle().set("height", "420px");
                viewer.show(designer.xml(p.definition().id()));
                viewer.showCounts(p.activities());
                add(viewer);
            }
        }
    }
}
