package dev.attest.workflow;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.attest.identity.CurrentUser;

/**
 * Tells the engine who is working on every request: the authenticated user and the candidate groups
 * of their roles. Runs after Spring Security's filters, so the security context is populated; the
 * engine's authentication is cleared when the request ends.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(user.get().username(), user.get().groups());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
