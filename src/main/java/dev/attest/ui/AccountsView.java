package dev.attest.ui;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserAdministration;
import dev.attest.identity.UserAdministration.Account;
import dev.attest.identity.UserAdministration.Issued;
import dev.attest.validation.InvalidInputException;

/**
 * The accounts (ADMIN): who can log in, with which roles; disabling an account ends its open sessions at their
 * next request and stops its logins and API calls, enabling it again lets the user back in. Both are audited.
 * (In the shell's package: identity's own ui package must not depend on the shell, which depends on identity.)
 */
@Route("admin/accounts")
@PageTitle("Accounts · Attest")
@RolesAllowed(Role.Names.ADMIN)
public class AccountsView extends VerticalLayout {

    private final UserAdministration users;
    private final ZoneId zone;
    private final Grid<Account> grid = new Grid<>();

    public AccountsView(UserAdministration users, ZoneId zone) {
        this.users = users;
        this.zone = zone;
        String me = CurrentUser.require().username();

        grid.setId("accounts");
        grid.addColumn(Account::username).setHeader("User name").setAutoWidth(true).setSortable(true);
        grid.addColumn(Account::displayName).setHeader("Name").setFlexGrow(1).setSortable(true);
        grid.addColumn(a -> a.roles().stream().map(Formats::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setFlexGrow(1);
        grid.addComponentColumn(a -> a.enabled() ? Formats.badge("Enabled", Formats.Tone.SUCCESS)
                : Formats.badge("Disabled", Formats.Tone.ERROR)).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            if (a.loginLockedUntil() == null) {
                return new Paragraph("");
            }
            Span locked = Formats.badge("Locked until "
                    + Formats.dateTime(a.loginLockedUntil(), this.zone), Formats.Tone.ERROR);
            locked.setId("locked-" + a.username());
            Button unlock = new Button("Unlock", e -> unlock(a));
            unlock.setId("unlock-" + a.username());
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(locked, unlock);
        }).setHeader("Login").setKey("login-lock").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button edit = new Button(a.email() == null ? "Add" : a.email(),
                    e -> new AccountEmailDialog(users, a, this::refresh).open());
            edit.setId("email-" + a.username());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setHeader("E-mail").setKey("email").setAutoWidth(true);
        grid.addColumn(a -> Formats.dateTime(a.createdAt(), this.zone)).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            if (a.username().equals(me)) {
                return new Paragraph("you");
            }
            Button b = a.enabled() ? new Button("Disable", e -> confirmDisable(a))
                    : new Button("Enable", e -> change(a, true));
            b.setId((a.enabled() ? "disable-" : "enable-") + a.username());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, a.enabled() ? ButtonVariant.LUMO_ERROR
                    : ButtonVariant.LUMO_SUCCESS);
            return b;
        }).setHeader("").setKey("change").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            if (a.username().equals(me)) {
                return new Paragraph("");
            }
            Button b = new Button("Reset password", e -> confirmReset(a));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return b;
        }).setHeader("").setKey("password").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);

        Button create = new Button("New account", e -> newAccount());
        create.setId("new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Accounts"), new Paragraph("New accounts get a generated password, shown once to pass on. "
                + "Disabling an account stops its logins and API calls at once, ends its open browser sessions at "
                + "their next request on every node, and gives the tasks it held back to their groups. After too many "
                + "failed logins an account is locked for a while (Login column); Unlock ends that at once. Every "
                + "change is audited."), create, grid);
        refresh();
    }

    private void newAccount() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New account");
        TextField username = new TextField("User name");
        username.setId("account-username");
        username.setMaxLength(64);
        username.setHelperText("lower-case letters, digits, '.', '_' or '-'");
        TextField displayName = new TextField("Name");
        displayName.setId("account-name");
        displayName.setMaxLength(200);
        VerticalLayout roles = new VerticalLayout();
        roles.setPadding(false);
        roles.setSpacing(false);
        Map<Role, Checkbox> boxes = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Checkbox box = new Checkbox(Formats.label(role));
            box.setId("account-role-" + role.name().toLowerCase(Locale.ROOT));
            boxes.put(role, box);
            roles.add(box);
        }
        Paragraph rolesError = new Paragraph();
        rolesError.setId("account-roles-error");
        rolesError.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        dialog.add(new VerticalLayout(username, displayName, new Paragraph("Roles"), roles, rolesError));
        Button createButton = new Button("Create", e -> {
            username.setInvalid(false);
            displayName.setInvalid(false);
            rolesError.setText("");
            List<String> chosen = boxes.entrySet().stream().filter(b -> b.getValue().getValue())
                    .map(b -> b.getKey().name()).toList();
            try {
                Issued issued = users.create(new UserAdministration.NewAccount(username.getValue(),
                        displayName.getValue(), chosen));
                dialog.close();
                refresh();
                showPassword("Account " + issued.account().username() + " created", issued);
            } catch (InvalidInputException ex) {
                for (var error : ex.errors()) {
                    switch (error.field()) {
                        case "username" -> {
                            username.setInvalid(true);
                            username.setErrorMessage("The user name " + error.message());
                        }
                        case "displayName" -> {
                            displayName.setInvalid(true);
                            displayName.setErrorMessage("The name " + error.message());
                        }
                        default -> rolesError.setText("Roles: " + error.message());
                    }
                }
            }
        });
        createButton.setId("create-account");
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), createButton);
        dialog.open();
    }

    private void confirmReset(Account a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset the password of " + a.username() + "?");
        dialog.add(new Paragraph("Their current password stops working at once; you get a new one to pass on."));
        Button reset = new Button("Reset", e -> {
            dialog.close();
            showPassword("New password for " + a.username(), users.resetPassword(a.username()));
        });
        reset.setId("confirm-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), reset);
        dialog.open();
    }

    /** The generated password, shown this once. */
    private void showPassword(String title, Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        Paragraph password = new Paragraph(issued.password());
        password.setId("issued-password");
        password.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-l)").set("user-select", "all");
        dialog.add(new Paragraph("Pass this password on to " + issued.account().displayName()
                + " by a safe channel. It is not shown again; only its hash is stored."), password);
        Button done = new Button("Done", e -> dialog.close());
        done.setId("password-done");
        dialog.getFooter().add(done);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(users.accounts());
    }

    /** Ends a lock after too many failed logins (on this node; audited). */
    private void unlock(Account a) {
        users.unlockLogin(a.username());
        Notification.show("Logins of " + a.username() + " are no longer locked", 4000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void confirmDisable(Account a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Disable " + a.username() + "?");
        dialog.add(new Paragraph(a.displayName() + " can no longer log in or call the API; an open session ends at "
                + "its next request. The tasks they hold go back to their groups."));
        Button disable = new Button("Disable", e -> {
            dialog.close();
            change(a, false);
        });
        disable.setId("confirm-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), disable);
        dialog.open();
    }

    private void change(Account a, boolean enable) {
        try {
            if (enable) {
                users.enable(a.username());
            } else {
                users.disable(a.username());
            }
            Notification.show((enable ? "Enabled " : "Disabled ") + a.username(), 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
