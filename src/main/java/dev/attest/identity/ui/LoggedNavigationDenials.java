package dev.attest.identity.ui;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;

import dev.attest.identity.internal.LoggedPaths;

/**
 * Navigation access control of the web UI as Vaadin sets it up (the views' access annotations, Attest's login
 * view), with every refused navigation logged to {@code dev.attest.security} like the REST and service denials:
 * who was refused which route and view. A user who is not logged in is sent to the login page (INFO); a
 * logged-in user refused a view is a WARN, as it means a link or a typed address went past their role.
 */
@Configuration
class LoggedNavigationDenials {

    private static final Logger log = LoggerFactory.getLogger("dev.attest.security");

    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer() {
        return new NavigationAccessControlConfigurer().withAnnotatedViewAccessChecker()
                .withDecisionResolver(new Resolver()).withLoginView(LoginView.class);
    }

    /** The default decision (all checkers must allow), logged when it is not ALLOW. */
    static final class Resolver implements AccessCheckDecisionResolver {

        private static final long serialVersionUID = 1L;

        private final DefaultAccessCheckDecisionResolver decisions = new DefaultAccessCheckDecisionResolver();

        @Override
        public AccessCheckResult resolve(List<AccessCheckResult> results, NavigationContext context) {
            AccessCheckResult result = decisions.resolve(results, context);
            if (result.decision() != AccessCheckDecision.ALLOW) {
                // the path only (query parameters are no one's business in a log), without a link's token
                String route = LoggedPaths.redact("/" + context.getLocation().getPath());
                String view = context.getNavigationTarget() == null ? "?"
                        : context.getNavigationTarget().getSimpleName();
                if (context.getPrincipal() == null) {
                    log.info("Denied anonymous: view {} at {} (login required)", view, route);
                } else {
                    log.warn("Denied {}: view {} at {} ({})", context.getPrincipal().getName(), view, route,
                            result.reason());
                }
            }
            return result;
        }
    }
}
