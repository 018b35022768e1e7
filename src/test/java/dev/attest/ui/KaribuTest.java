package dev.attest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;

import dev.attest.AttestTest;
import dev.attest.identity.Role;

/**
 * Server-side UI tests: the real views and services in a faked Vaadin environment (Karibu), logged in as a
 * demo user with Spring Security's context and the fake request's principal and roles.
 */
@AttestTest
public abstract class KaribuTest {

    private static final Routes routes = new Routes().autoDiscoverViews("dev.attest");

    @Autowired
    protected ApplicationContext ctx;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Runs a navigation and asserts that it ended on the not-allowed page (Attest's refusal, in the main layout). */
    protected static void assertNotAllowed(String description, Runnable navigation) {
        navigation.run();
        assertThat(_find(NotAllowedView.class)).as(description + ": the not-allowed page").hasSize(1);
    }

    /** Logs in as a user with the given roles, as the login form would. */
    protected void login(String username, Role... roles) {
        List<String> names = Arrays.stream(roles).map(Role::name).toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> names.contains(role));
    }
}
