package dev.attest.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;

/**
 * The frame around every view: title, navigation by role, the user, what other modules put in the bar
 * ({@link NavbarItem}: the notifications' bell) and a logout button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, UserDirectory users, List<NavbarItem> items) {
        H1 title = new H1("Attest");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        CurrentUser me = CurrentUser.require();
        Span who = new Span(users.displayName(me.username()) + " · " + String.join(", ",
                me.roles().stream().map(r -> r.name().toLowerCase().replace('_', ' ')).sorted().toList()));
        who.setId("current-user");
        who.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who);
        items.stream().sorted(Comparator.comparingInt(NavbarItem::order)).map(item -> item.create(me))
                .filter(Objects::nonNull).forEach(header::add);
        header.add(logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        who.getStyle().set("text-align", "right");
        addToNavbar(header);

        SideNav nav = new SideNav();
        if (me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)) {
            nav.addItem(new SideNavItem("Tasks", "", VaadinIcon.TASKS.create()));
            nav.addItem(new SideNavItem("Availability", "availability", VaadinIcon.CALENDAR_USER.create()));
        }
        if (me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE, Role.ADMIN)) {
            nav.addItem(new SideNavItem("Cases", "cases", VaadinIcon.FOLDER_OPEN.create()));
        }
        if (me.hasAny(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)) {
            nav.addItem(new SideNavItem("New case", "cases/new", VaadinIcon.PLUS.create()));
        }
        if (me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)) {
            nav.addItem(new SideNavItem("Sanctions search", "screening/search", VaadinIcon.SEARCH.create()));
        }
        if (me.has(Role.MANAGER)) {
            nav.addItem(new SideNavItem("Dashboard", "dashboard", VaadinIcon.CHART.create()));
        }
        if (me.hasAny(Role.DESIGNER, Role.ADMIN)) {
            nav.addItem(new SideNavItem("Designer", "designer", VaadinIcon.SITEMAP.create()));
        }
        if (me.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem("Accounts", "admin/accounts", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Audit trail", "admin/audit", VaadinIcon.RECORDS.create()));
            nav.addItem(new SideNavItem("Sanctions lists", "admin/screening-lists", VaadinIcon.LIST.create()));
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
