package dev.attest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;

import dev.attest.identity.UserAdministration;
import dev.attest.identity.UserAdministration.Account;
import dev.attest.validation.InvalidInputException;

/**
 * Sets, changes or removes an account's e-mail address (ADMIN), where the daily digest of the user's notifications
 * goes; the service validates and audits it. Runs {@code onSaved} after a change.
 */
class AccountEmailDialog extends Dialog {

    AccountEmailDialog(UserAdministration users, Account account, Runnable onSaved) {
        setHeaderTitle("E-mail address of " + account.username());
        EmailField email = new EmailField("E-mail address");
        email.setId("account-email");
        email.setMaxLength(254);
        email.setWidthFull();
        email.setValue(account.email() == null ? "" : account.email());
        email.setHelperText("Leave empty to remove it");
        add(new Paragraph("When digests are enabled, an analyst, senior analyst or manager gets a daily e-mail here "
                + "listing their unread notifications."), email);
        Button save = new Button("Save", e -> {
            try {
                Account saved = users.setEmail(account.username(), email.getValue());
                close();
                onSaved.run();
                Notification.show(saved.email() == null ? "No e-mail address for " + saved.username()
                        : "E-mail of " + saved.username() + ": " + saved.email(), 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                email.setInvalid(true);
                email.setErrorMessage("The address " + ex.errors().get(0).message());
            }
        });
        save.setId("save-account-email");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
