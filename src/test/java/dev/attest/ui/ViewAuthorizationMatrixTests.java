package dev.attest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;

import dev.attest.identity.Role;
import dev.attest.identity.ui.LoginView;

/**
 * The authorization matrix of the web UI: every route, opened by nobody and by a user of each role. A role listed
 * may open the route (whatever the page then says about the bogus id in it); every other role is refused, and
 * nobody is sent to the login page. The table is the documentation.
 */
@ExtendWith(OutputCaptureExtension.class)
class ViewAuthorizationMatrixTests extends KaribuTest {

    static final Set<Role> CASE_READERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE,
            Role.ADMIN);
    static final Set<Role> CASE_WORKERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);

    static final Map<String, Set<Role>> ROUTES = new LinkedHashMap<>();
    static {
        ROUTES.put("", EnumSet.allOf(Role.class)); // the task list, which sends other roles to their start page
        ROUTES.put("welcome", EnumSet.allOf(Role.class));
        ROUTES.put("cases", CASE_READERS);
        ROUTES.put("cases/new", EnumSet.of(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER));
        ROUTES.put("cases/CASE-0000-000000", CASE_READERS);
        ROUTES.put("tasks/no-such-task", CASE_WORKERS);
        ROUTES.put("dashboard", EnumSet.of(Role.MANAGER));
        ROUTES.put("availability", CASE_WORKERS);
        ROUTES.put("designer", EnumSet.of(Role.DESIGNER, Role.ADMIN));
        ROUTES.put("designer/draft/999999", EnumSet.of(Role.DESIGNER));
        ROUTES.put("designer/model/no-such-version", EnumSet.of(Role.DESIGNER, Role.ADMIN));
        ROUTES.put("designer/case/CASE-0000-000000", EnumSet.of(Role.DESIGNER, Role.ADMIN));
        ROUTES.put("admin/accounts", EnumSet.of(Role.ADMIN));
        ROUTES.put("admin/audit", EnumSet.of(Role.ADMIN));
        ROUTES.put("screening/search", CASE_WORKERS);
    }

    /**
     * Whether the route opened (true) or was refused with the not-allowed page (false); anything else the page does
     * is its own business.
     */
    boolean opens(String route) {
        try {
            UI.getCurrent().navigate(route);
        } catch (RuntimeException e) {
            return true; // opened, then the view had something to say about the bogus id
        }
        return _find(NotAllowedView.class).isEmpty();
    }

    @Test
    void everyRoleOpensExactlyTheRoutesOfTheTable(CapturedOutput log) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var route : ROUTES.entrySet()) {
            for (Role role : Role.values()) {
                login("matrix-" + role.name().toLowerCase(), role);
                boolean opened = opens(route.getKey());
                if (opened != route.getValue().contains(role)) {
                    wrong.add("/" + route.getKey() + " " + role + (opened ? " opened" : " refused"));
                }
                checked++;
            }
        }
        assertThat(wrong).as("roles × routes that disagree with the table").isEmpty();
        // every refusal is logged with who, which view and where
        assertThat(log.getOut()).contains("Denied matrix-analyst: view DashboardView at /dashboard")
                .contains("Denied matrix-manager: view DraftView at /designer/draft/999999")
                .contains("Denied matrix-designer: view CaseListView at /cases")
                .doesNotContain("Denied matrix-manager: view DashboardView");
        System.out.printf("View authorization matrix: %d routes × %d roles = %d checks%n", ROUTES.size(),
                Role.values().length, checked);
    }

    @Test
    void nobodyIsSentToTheLoginPage(CapturedOutput log) {
        for (String route : ROUTES.keySet()) {
            if (route.equals("welcome")) {
                continue;
            }
            SecurityContextHolder.clearContext();
            boolean opened = opens(route);
            assertThat(!opened || !_find(LoginView.class).isEmpty()).as("/" + route + " for nobody").isTrue();
        }
        assertThat(log.getOut()).contains("Denied anonymous: view DashboardView at /dashboard (login required)");
    }
}
