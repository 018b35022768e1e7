package dev.attest.ui;

import java.time.ZoneId;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserAdministration;
import dev.attest.identity.UserAdministration.Account;
import jakarta.annotation.security.RolesAllowed;

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

    public AccountsView(UserAdministration users, @Value("${attest.zone:UTC}") String zone) {
        this.users = users;
        this.zone = ZoneId.of(zone);
        String me = CurrentUser.require().username();

        grid.setId("accounts");
        grid.addColumn(Account::username).setHeader("User name").setAutoWidth(true).setSortable(true);
        grid.addColumn(Account::displayName).setHeader("Name").setFlexGrow(1).setSortable(true);
        grid.addColumn(a -> a.roles().stream().map(Formats::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setFlexGrow(1);
        grid.addComponentColumn(a -> a.enabled() ? Formats.badge("Enabled", Formats.Tone.SUCCESS)
                : Formats.badge("Disabled", Formats.Tone.ERROR)).setHeader("Status").setAutoWidth(true);
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
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);

        add(new H2("Accounts"), new Paragraph("Disabling an account stops its logins and API calls at once and ends "
                + "its open browser sessions at their next request, on every node. Both changes are audited."), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.accounts());
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
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
