package dev.attest.identity.ui;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.attest.identity.UserAdministration;

/**
 * Ends the browser session of a user whose account was disabled or removed, or whose password an administrator
 * reset, since they logged in: checked on every
 * request against the database (dynamic resources such as document previews and downloads included; only static
 * files are skipped), so it works on every node (sessions live on the node that holds them). The request then goes
 * on as anonymous, and so to the login page; a dynamic resource finds no session and serves nothing.
 */
class ActiveSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessionFilter.class);

    static final String AUTHENTICATED_AT = "attest.authenticatedAt";

    private final UserAdministration users;

    ActiveSessionFilter(UserAdministration users) {
        this.users = users;
    }

    /**
     * Static files that carry no data (the front-end bundle, theme, icons): not worth a database query each, and the
     * next page or UI request of the session is checked anyway. An allow-list: everything else under {@code /VAADIN/}
     * is checked, above all {@code /VAADIN/dynamic/} (document previews and downloads) and push.
     */
    static final List<String> STATIC_PREFIXES = List.of("/VAADIN/build/", "/VAADIN/static/", "/VAADIN/themes/",
            "/themes/", "/icons/", "/images/");
    static final Set<String> STATIC_FILES = Set.of("/favicon.ico", "/sw.js", "/manifest.webmanifest",
            "/offline.html", "/sw-runtime-resources-precache.js");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.contains("..") || path.contains("//") || path.contains(";") || path.contains("%")
                || path.contains("\\")) {
            return false; // odd spellings of a path are checked, whatever they might resolve to
        }
        if (request.getQueryString() != null || !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())) {
            // static files are fetched plainly; Vaadin picks its request handler by parameters (v-r=uidl, push,
            // heartbeat, upload), not by path, so a request under a static prefix can still reach the UI
            return false;
        }
        return STATIC_FILES.contains(path) || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            // when this session first went about logged in: a password reset after it ends the session
            Object since = session.getAttribute(AUTHENTICATED_AT);
            if (!(since instanceof Instant)) {
                since = Instant.now();
                session.setAttribute(AUTHENTICATED_AT, since);
            }
            if (!users.isActive(auth.getName(), (Instant) since)) {
                log.warn("Ended the session of {}: the account is disabled or its password was reset",
                        auth.getName());
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
