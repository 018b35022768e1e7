package dev.attest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;

import dev.attest.identity.Role;
import dev.attest.identity.ui.LoginView;

/**
 * The refusal pages: an address that names no page and a page the user's role does not allow each show a page of
 * Attest's own inside the main layout (heading, what happened, the address as text, the way back), not Vaadin's
 * bare text, with the HTTP status of the refusal; strangers are still sent to the login page. Addresses are opened
 * through the router as a typed address is ({@code UI.navigate} leaves the view as it is for an unknown route).
 */
class RefusalPageTests extends KaribuTest {

    /** Opens {@code path} as typing it into the address bar does; returns the HTTP status the router gives it. */
    static int open(String path) {
        UI ui = UI.getCurrent();
        return ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    static String text(String id) {
        return LocatorJ._get(Component.class, spec -> spec.withId(id)).getElement().getText();
    }

    static void assertInMainLayout() {
        assertThat(_find(MainLayout.class)).as("the main layout around the page").hasSize(1);
        assertThat(_find(SideNav.class)).as("the navigation").hasSize(1);
        Anchor back = _get(Anchor.class, spec -> spec.withId("refusal-back"));
        assertThat(back.getHref()).isEqualTo(RefusalPage.START_PAGE);
        assertThat(back.getText()).isEqualTo("Back to your start page");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageWithTheAddress() {
        login("analyst", Role.ANALYST);
        assertThat(open("nosuch/page")).as("HTTP status").isEqualTo(404);

        _get(NotFoundView.class);
        assertThat(_find(NotAllowedView.class)).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("refusal-heading")).getText()).isEqualTo("Page not found");
        assertThat(text("refusal-reason")).contains("no page at this address");
        assertThat(text("refused-path")).isEqualTo("/nosuch/page");
        assertInMainLayout();
    }

    @Test
    void anAnalystAtAnAdministratorsPageIsToldItIsNotAllowed() {
        login("analyst", Role.ANALYST);
        assertThat(open("admin/accounts")).as("HTTP status").isEqualTo(403);

        _get(NotAllowedView.class);
        assertThat(_find(AccountsView.class)).isEmpty();
        assertThat(_find(NotFoundView.class)).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("refusal-heading")).getText()).isEqualTo("Not allowed");
        assertThat(text("refusal-reason")).contains("role does not allow");
        assertThat(text("refused-path")).isEqualTo("/admin/accounts");
        assertInMainLayout();
    }

    @Test
    void anAdministratorStillOpensTheAdministratorsPage() {
        login("admin", Role.ADMIN);
        assertThat(open("admin/accounts")).as("HTTP status").isEqualTo(200);

        _get(AccountsView.class);
        assertThat(_find(NotAllowedView.class)).isEmpty();
    }

    @Test
    void aHostileAddressIsShownAsText() {
        String hostile = "<img src=x onerror=alert(1)>";
        login("analyst", Role.ANALYST);
        assertThat(open(hostile)).as("HTTP status").isEqualTo(404);

        Span path = _get(Span.class, spec -> spec.withId("refused-path"));
        assertThat(path.getText()).isEqualTo("/" + hostile);
        assertThat(path.getElement().getChildren()).as("the path's children").allSatisfy(
                child -> assertThat(child.isTextNode()).isTrue());
        assertThat(path.getElement().getOuterHTML()).doesNotContain("<img").contains("&lt;img");
        assertThat(_find(Image.class)).as("images on the page").isEmpty();
    }

    @Test
    void strangersAreSentToTheLoginPageNotToARefusal() {
        SecurityContextHolder.clearContext();
        open("admin/accounts");
        _get(LoginView.class);
        assertThat(_find(NotAllowedView.class)).isEmpty();

        open("nosuch");
        _get(LoginView.class);
        assertThat(_find(NotFoundView.class)).isEmpty();
    }
}
