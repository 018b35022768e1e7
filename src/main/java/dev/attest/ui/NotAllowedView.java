package dev.attest.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;

/**
 * Shown to a logged-in user whose roles do not allow the page asked for, instead of Vaadin's default (which passes
 * the refusal on as "not found"): in the main layout, with status 403. Users who are not logged in never see it;
 * Vaadin's navigation access control sends them to the login page. The refusal itself is logged by
 * {@code LoggedNavigationDenials}.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Not allowed · Attest")
@PermitAll
public class NotAllowedView extends RefusalPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("Not allowed", "Your role does not allow this page; ask an administrator if you need it for your work.",
                event.getLocation());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
