package dev.attest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.CaseWorkflow;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserAdministration;
import dev.attest.identity.internal.LoginThrottle;
import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;

/**
 * What administrators do in the browser: disable and enable accounts, look through and verify the audit trail,
 * and keep a case's records (legal hold, a client's erasure request). Other roles see none of it.
 */
class AdministrationViewTests extends KaribuTest {

    @Autowired UserAccounts accounts;
    @Autowired UserAdministration users;
    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired JdbcTemplate jdbc;

    static <T> List<T> rows(Grid<T> grid) {
        return GridKt._fetch(grid, 0, 1_000);
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    /** The Disable/Enable button on an account's row, or null. */
    static Button changeButton(Grid<UserAdministration.Account> grid, String username) {
        List<UserAdministration.Account> all = rows(grid);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).username().equals(username)) {
                var cell = GridKt._getCellComponent(grid, i, "change");
                return cell instanceof Button b ? b : null;
            }
        }
        throw new AssertionError("no row for " + username);
    }

    boolean enabled(String username) {
        return users.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow()
                .enabled();
    }

    long audited(String action, String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ?", Long.class,
                action, subject);
    }

    @Test
    void anAdministratorDisablesAnAccountAfterConfirmingAndEnablesItAgain() {
        String name = "karibu-temp-" + System.nanoTime() % 100_000;
        accounts.save(new UserAccount(name, "{noop}unused", "Tempo Rary", EnumSet.of(Role.ANALYST)));
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/accounts");

        @SuppressWarnings("unchecked")
        Grid<UserAdministration.Account> grid = _get(Grid.class, spec -> spec.withId("accounts"));
        assertThat(rows(grid)).extracting(UserAdministration.Account::username).contains(name, "admin", "analyst");
        assertThat(changeButton(grid, "admin")).as("no button on one's own row").isNull();

        _click(changeButton(grid, name));
        assertThat(enabled(name)).as("nothing happens before the confirmation").isTrue();
        _click(button("confirm-disable"));
        expectNotifications("Disabled " + name);
        assertThat(enabled(name)).isFalse();
        assertThat(audited("ACCOUNT_DISABLED", name)).isEqualTo(1);
        assertThat(rows(grid)).filteredOn(a -> a.username().equals(name)).singleElement()
                .satisfies(a -> assertThat(a.enabled()).isFalse());

        _click(changeButton(grid, name));
        expectNotifications("Enabled " + name);
        assertThat(enabled(name)).isTrue();
        assertThat(audited("ACCOUNT_ENABLED", name)).isEqualTo(1);
    }

    static Button emailButton(Grid<UserAdministration.Account> grid, String username) {
        List<UserAdministration.Account> all = rows(grid);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).username().equals(username)) {
                return (Button) GridKt._getCellComponent(grid, i, "email");
            }
        }
        throw new AssertionError("no row of " + username);
    }

    @Test
    void anAdministratorSetsAndRemovesAnAccountsEmailAddress() {
        String name = "karibu-mail-" + System.nanoTime() % 100_000;
        accounts.save(new UserAccount(name, "{noop}unused", "Mai Lbox", EnumSet.of(Role.ANALYST)));
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/accounts");

        @SuppressWarnings("unchecked")
        Grid<UserAdministration.Account> grid = _get(Grid.class, spec -> spec.withId("accounts"));
        _click(emailButton(grid, name));
        _get(EmailField.class, spec -> spec.withId("account-email")).setValue("not an address");
        _click(button("save-account-email"));
        assertThat(_get(EmailField.class, spec -> spec.withId("account-email")).isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select email from user_account where username = ?", String.class, name))
                .isNull();

        _get(EmailField.class, spec -> spec.withId("account-email")).setValue("mai@staff.example.org");
        _click(button("save-account-email"));
        expectNotifications("E-mail of " + name + ": mai@staff.example.org");
        assertThat(emailButton(grid, name).getText()).isEqualTo("mai@staff.example.org");
        assertThat(audited("SETTINGS_CHANGED", name)).isEqualTo(1);

        _click(emailButton(grid, name));
        _get(EmailField.class, spec -> spec.withId("account-email")).setValue("");
        _click(button("save-account-email"));
        expectNotifications("No e-mail address for " + name);
        assertThat(jdbc.queryForObject("select email from user_account where username = ?", String.class, name))
                .isNull();
        assertThat(audited("SETTINGS_CHANGED", name)).isEqualTo(2);
    }

    @Autowired LoginThrottle throttle;

    @Test
    void anAdministratorSeesALoginLockAndEndsIt() {
        String name = "karibu-locked-" + System.nanoTime() % 100_000;
        accounts.save(new UserAccount(name, "{noop}unused", "Lock Ed", EnumSet.of(Role.ANALYST)));
        for (int i = 0; i < 5; i++) {
            throttle.failed(name, "10.30.0.1");
        }
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/accounts");
        @SuppressWarnings("unchecked")
        Grid<UserAdministration.Account> grid = _get(Grid.class, spec -> spec.withId("accounts"));
        List<UserAdministration.Account> all = rows(grid);
        int row = all.indexOf(all.stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow());
        var cell = (HorizontalLayout) GridKt._getCellComponent(grid, row,
                "login-lock");
        assertThat(((Span) cell.getComponentAt(0)).getText()).startsWith("Locked until");
        _click((Button) cell.getComponentAt(1));
        expectNotifications("Logins of " + name + " are no longer locked");
        assertThat(throttle.lockedFor(name, "10.30.0.2")).isEmpty();
        assertThat(audited("LOGIN_UNLOCKED", name)).isEqualTo(1);
        assertThat(rows(grid)).filteredOn(a -> a.username().equals(name)).singleElement()
                .satisfies(a -> assertThat(a.loginLockedUntil()).isNull());
    }

    @Test
    void anAdministratorCreatesAnAccountAndResetsItsPassword() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/accounts");
        long before = accounts.count();

        _click(button("new-account"));
        _get(TextField.class, spec -> spec.withId("account-username")).setValue("Not Valid");
        _click(button("create-account"));
        assertThat(_get(TextField.class, spec -> spec.withId("account-username")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("account-name")).isInvalid()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-roles-error")).getText())
                .contains("at least one role");
        assertThat(accounts.count()).as("nothing stored").isEqualTo(before);

        String name = "karibu-new-" + System.nanoTime() % 100_000;
        _get(TextField.class, spec -> spec.withId("account-username")).setValue(name);
        _get(TextField.class, spec -> spec.withId("account-name")).setValue("Kari Bu");
        _get(Checkbox.class, spec -> spec.withId("account-role-intake"))
                .setValue(true);
        _click(button("create-account"));
        String password = _get(Paragraph.class, spec -> spec.withId("issued-password")).getText();
        assertThat(password).hasSize(20);
        assertThat(users.accounts()).filteredOn(a -> a.username().equals(name)).singleElement()
                .satisfies(a -> assertThat(a.roles()).containsExactly(Role.INTAKE));
        _click(button("password-done"));

        @SuppressWarnings("unchecked")
        Grid<UserAdministration.Account> grid = _get(Grid.class, spec -> spec.withId("accounts"));
        List<UserAdministration.Account> all = rows(grid);
        int row = all.indexOf(all.stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow());
        _click((Button) GridKt._getCellComponent(grid, row, "password"));
        _click(button("confirm-reset"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("issued-password")).getText()).hasSize(20)
                .isNotEqualTo(password);
        assertThat(audited("PASSWORD_RESET", name)).isEqualTo(1);
    }

    @Test
    void anAdministratorNarrowsTheAuditTrailAndVerifiesTheChain() {
        CaseFile opened = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");

        @SuppressWarnings("unchecked")
        Grid<AuditTrail.Record> grid = _get(Grid.class, spec -> spec.withId("audit-records"));
        assertThat(rows(grid)).isNotEmpty();

        _get(TextField.class, spec -> spec.withId("audit-case")).setValue(opened.getReference());
        @SuppressWarnings("unchecked")
        Select<AuditTrail.Action> action = _get(Select.class, spec -> spec.withId("audit-action"));
        action.setValue(AuditTrail.Action.CASE_OPENED);
        _click(button("audit-show"));
        assertThat(rows(grid)).singleElement().satisfies(r -> {
            assertThat(r.who()).isEqualTo("intake");
            assertThat(r.caseReference()).isEqualTo(opened.getReference());
        });

        _get(TextField.class, spec -> spec.withId("audit-who")).setValue("nobody-at-all");
        _click(button("audit-show"));
        assertThat(rows(grid)).isEmpty();

        _click(button("audit-verify"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("audit-verification")).getText()).startsWith("Intact: ");
    }

    CaseFile closedCase() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minusYears(1).toInstant()), c.getReference());
        return c;
    }

    @Test
    void anAdministratorPlacesALegalHoldAndRecordsARefusedErasureRequestOnTheCase() {
        String ref = closedCase().getReference();
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("cases/" + ref);
        assertThat(_get(Paragraph.class, spec -> spec.withId("retention-status")).getText())
                .contains("kept until").contains("nightly job");

        // no reason: refused in the dialog, nothing stored
        _click(button("place-hold"));
        _click(button("confirm-hold"));
        assertThat(_get(TextArea.class, spec -> spec.withId("hold-reason")).isInvalid()).isTrue();
        assertThat(RunAs.user("admin", () -> cases.get(ref), Role.ADMIN).isOnLegalHold()).isFalse();

        _get(TextArea.class, spec -> spec.withId("hold-reason")).setValue("Litigation: Seller v. Marketplace, 2026");
        _click(button("confirm-hold"));
        expectNotifications("Legal hold placed");
        assertThat(RunAs.user("admin", () -> cases.get(ref), Role.ADMIN).isOnLegalHold()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("legal-hold")).getElement().getTextRecursively()).contains("Litigation");

        _click(button("erasure-request"));
        _get(TextArea.class, spec -> spec.withId("erasure-text")).setValue("E-mail of 3 May: delete all my data");
        _click(button("confirm-erasure"));
        expectNotifications("Refused: The case is on legal hold: Litigation: Seller v. Marketplace, 2026");
        assertThat(jdbc.queryForObject("SELECT reason FROM audit_entry WHERE case_reference = ? AND action = "
                + "'ERASURE_REFUSED'", String.class, ref)).contains("legal hold").contains("delete all my data");
        @SuppressWarnings("unchecked")
        Grid<CaseWorkflow.TimelineEntry> timeline = _get(Grid.class,
                spec -> spec.withId("case-timeline"));
        assertThat(rows(timeline)).extracting(t -> t.what()).anySatisfy(w -> assertThat(w).containsIgnoringCase(
                "legal hold"));

        _click(button("release-hold"));
        expectNotifications("Legal hold released");
        assertThat(RunAs.user("admin", () -> cases.get(ref), Role.ADMIN).isOnLegalHold()).isFalse();
    }

    @Test
    void caseWorkersSeeNoRecordKeeping() {
        String ref = closedCase().getReference();
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("cases/" + ref);
        assertThat(_find(Button.class, spec -> spec.withId("place-hold"))).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("retention-status"))).isEmpty();
    }
}
