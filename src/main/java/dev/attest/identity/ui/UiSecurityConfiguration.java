package dev.attest.identity.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.DispatcherType;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import dev.attest.identity.UserAdministration;

/**
 * Security of the web UI: Vaadin's form login with Attest's login view (its POST needs the CSRF token; passwords
 * are checked by the one throttled authentication manager); every other path needs a logged-in user. The engine's REST API and Camunda's webapps are not part of Attest; their paths are reserved to
 * administrators all the same, so that adding them later cannot open them to everyone.
 */
@Configuration
class UiSecurityConfiguration {

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(10)
    SecurityFilterChain uiFilterChain(HttpSecurity http, UserAdministration users,
            RequestUtil requestUtil) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(path("/engine-rest/**"), path("/camunda/**")).hasRole("ADMIN"));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        // a disabled account's session ends at its next request
        http.addFilterAfter(new ActiveSessionFilter(users),
                SecurityContextHolderFilter.class);
        // client upload links carry their token in the path: never hand it on in a Referer header
        http.headers(h -> h.referrerPolicy(r -> r.policy(
                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        // Vaadin's own CSRF set-up exempts the login view's path, and so the login POST: a page elsewhere could log
        // a browser in to an account of the attacker's. Only Vaadin's internal requests (which carry Vaadin's own
        // token) are exempt here, and never a POST to /login, whatever its query string says.
        PathPatternRequestMatcher loginPost = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/login");
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                request -> requestUtil.isFrameworkInternalRequest(request) && !loginPost.matches(request)));
        return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class, "/login")
                .enableCsrfConfiguration(false))
                .build();
    }
}
