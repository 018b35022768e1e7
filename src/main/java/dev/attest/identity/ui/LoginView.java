package dev.attest.identity.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.attest.AttestSettings;
import dev.attest.identity.internal.LoginLockedException;

/**
 * The login page. In demo mode it names the demo users. The form posts to {@code /login} with the CSRF token
 * (the login form adds it from the page's {@code _csrf} meta tags); after too many failed sign-ins it says how long
 * to wait.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Attest")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(AttestSettings settings) {
        boolean demo = settings.demoMode();
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Attest"), new Paragraph("Case work for compliance reviewers"), login);
        if (demo) {
            Paragraph hint = new Paragraph("Demo users: analyst, senior, manager, designer, admin, intake — password: demo");
            hint.setId("demo-hint");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            LoginI18n i18n = LoginI18n.createDefault();
            lockOfLastAttempt().ifPresent(minutes -> {
                i18n.getErrorMessage().setTitle("Too many failed sign-ins");
                i18n.getErrorMessage().setMessage("Too many failed sign-ins; try again in " + minutes + " minute"
                        + (minutes == 1 ? "" : "s") + ".");
            });
            login.setI18n(i18n);
            login.setError(true);
        }
    }

    /**
     * Minutes until the lock ends, when the last login of this browser was refused for too many failures (Spring
     * Security keeps the refusal in the session when it sends the browser back here).
     */
    private static Optional<Long> lockOfLastAttempt() {
        VaadinSession session = VaadinSession.getCurrent();
        Object last = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof LoginLockedException locked && locked.until().isAfter(Instant.now())) {
            return Optional.of(LoginLockedException.minutes(Duration.between(Instant.now(), locked.until())));
        }
        return Optional.empty();
    }
}
