package dev.attest.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;

/**
 * Shown for an address that names no page, instead of Vaadin's bare "Could not navigate to …": in the main layout,
 * with status 404. Logged-in users only ({@code @PermitAll}): anyone else is sent to the login page first, so the
 * page tells strangers nothing about which addresses exist.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Attest")
@PermitAll
public class NotFoundView extends RefusalPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("Page not found", "There is no page at this address in Attest; the link may be old or mistyped.",
                event.getLocation());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
