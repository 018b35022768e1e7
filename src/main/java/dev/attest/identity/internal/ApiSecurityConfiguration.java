package dev.attest.identity.internal;

import java.io.IOException;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security of the REST API ({@code /api/**}, in any letter case): HTTP Basic against Attest's users, no session, no CSRF
 * token (no cookies are used), errors as problem details. Passwords are checked by the one throttled
 * authentication manager ({@link LoginConfiguration}); a locked login answers 429 with {@code Retry-After}. The OpenAPI description is public.
 * The UI's filter chain is configured in {@code identity.ui}.
 */
@Configuration
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
class ApiSecurityConfiguration {

    private final Clock clock;

    ApiSecurityConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        // any letter case: /API/... is no endpoint (404), but it must be answered by this chain, not the UI's
        PathPatternParser anyCase = new PathPatternParser();
        anyCase.setCaseSensitive(false);
        RequestMatcher api = PathPatternRequestMatcher.withPathPatternParser(anyCase).matcher("/api/**");
        RequestMatcher docs = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
        };
        http.securityMatcher(request -> api.matches(request) || docs.matches(request))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(docs).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
                    if (!tooManyFailures(response, ex)) {
                        problem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send HTTP Basic credentials of an Attest user.", true);
                    }
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) ->
                        problem(response, HttpStatus.FORBIDDEN, "Forbidden",
                                "Your role does not allow this.", false)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * Operations ({@code /actuator/**}): the health probes are open (status only; details for ADMIN), metrics
     * and everything else need an ADMIN over HTTP Basic, statelessly (for a Prometheus scraper).
     */
    @Bean
    @Order(2)
    SecurityFilterChain operationsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/health"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
                    if (!tooManyFailures(response, ex)) {
                        problem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send HTTP Basic credentials of an Attest administrator.", true);
                    }
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) ->
                        problem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", false)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * A login refused because the account or the address is locked for a while: 429 with {@code Retry-After} in
     * seconds, so that a client waits instead of trying on (and no challenge: asking again cannot help now).
     */
    private boolean tooManyFailures(HttpServletResponse response,
            AuthenticationException ex) throws IOException {
        if (!(ex instanceof LoginLockedException locked)) {
            return false;
        }
        response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds(clock.instant())));
        problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                "Too many failed sign-ins for this account or from this address; try again in "
                        + locked.retryAfterSeconds(clock.instant()) + " seconds.", false);
        return true;
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail,
            boolean challenge) throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Attest\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status.value()
                + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
    }
}
