package dev.attest.identity.ui;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.attest.identity.UserAdministration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends the browser session of a user whose account was disabled or removed, or whose password an administrator
 * reset, since they logged in: checked on every
 * request against the database, so it works on every node (sessions live on the node that holds them). The request
 * then goes on as anonymous, and so to the login page.
 */
class ActiveSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessionFilter.class);

    static final String AUTHENTICATED_AT = "attest.authenticatedAt";

    private final UserAdministration users;

    ActiveSessionFilter(UserAdministration users) {
        this.users = users;
    }

    /**
     * Static resources (scripts, styles, icons) carry no data: they are not worth a database query each, and the
     * next page or UI request of the session is checked anyway.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/") || path.startsWith("/icons/") || path.startsWith("/images/")
                || path.equals("/favicon.ico") || path.equals("/sw.js") || path.equals("/manifest.webmanifest");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            // when this session first went about logged in: a password reset after it ends the session
            Object since = session.getAttribute(AUTHENTICATED_AT);
            if (!(since instanceof java.time.Instant)) {
                since = java.time.Instant.now();
                session.setAttribute(AUTHENTICATED_AT, since);
            }
            if (!users.isActive(auth.getName(), (java.time.Instant) since)) {
                log.warn("Ended the session of {}: the account is disabled or its password was reset",
                        auth.getName());
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
