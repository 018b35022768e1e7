package dev.attest.identity.internal;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every authorization denial is logged, with who was denied what: by a filter chain (a path reserved to a role)
 * or by method security (a service method whose roles the caller lacks).
 */
@Configuration
class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("dev.attest.security");

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Supplier<Authentication> who = event.getAuthentication();
        Authentication auth = who == null ? null : who.get();
        String user = auth == null || "anonymousUser".equals(auth.getName()) ? "anonymous" : auth.getName();
        Object what = event.getObject();
        String target;
        if (what instanceof HttpServletRequest request) {
            target = request.getMethod() + " " + LoggedPaths.redact(request.getRequestURI());
        } else if (what instanceof MethodInvocation invocation) {
            target = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        } else {
            target = String.valueOf(what);
        }
        if (auth == null || "anonymous".equals(user)) {
            log.info("Denied anonymous: {} (login required)", target);
        } else {
            log.warn("Denied {}: {}", user, target);
        }
    }
}
