package dev.attest.cases.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.identity.Role;
import dev.attest.validation.InvalidInputException;

/** Opens a case from the intake form; on success shows the new case. */
@Route("cases/new")
@PageTitle("New case · Attest")
@RolesAllowed({Role.Names.INTAKE, Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER})
public class IntakeView extends VerticalLayout {

    final IntakeForm form = new IntakeForm();

    public IntakeView(CaseIntake intake) {
        setMaxWidth("60em");
        add(new H2("Open a case"), form);
        form.addSubmitListener(e -> {
            try {
                CaseFile opened = intake.open(e.request());
                Notification.show("Opened " + opened.getReference(), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("cases/" + opened.getReference()));
            } catch (InvalidInputException ex) {
                form.showErrors(ex.errors());
                Notification.show("Please correct the marked fields (" + ex.errors().size() + ")", 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }
}
