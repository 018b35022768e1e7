package dev.attest.identity.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * Security of the web UI: Vaadin's form login with Attest's login view. Every other path (including
 * {@code /engine-rest/**} and {@code /camunda/**}, which Attest does not serve) needs a logged-in user.
 */
@Configuration
class UiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class, "/login"))
                .build();
    }
}
