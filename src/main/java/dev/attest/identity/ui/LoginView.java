package dev.attest.identity.ui;

import org.springframework.beans.factory.annotation.Value;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The login page. In demo mode it names the demo users. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Attest")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(@Value("${attest.demo.enabled:false}") boolean demo) {
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
            login.setError(true);
        }
    }
}
