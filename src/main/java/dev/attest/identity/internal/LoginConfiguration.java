package dev.attest.identity.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's one {@link AuthenticationManager}: every filter chain that checks a password (the form login,
 * HTTP Basic on {@code /api/**} and {@code /actuator/**}) gets it as its parent, so none can check a password
 * without the throttle. No {@code UserDetailsService} bean exists, so Spring Security builds no second,
 * unthrottled one.
 */
@Configuration
@EnableConfigurationProperties(LoginSettings.class)
class LoginConfiguration {

    @Bean
    AuthenticationManager authenticationManager(JpaUserDirectory directory, PasswordEncoder encoder,
            LoginThrottle throttle, UserAccounts accounts, ApplicationEventPublisher events, LoginSettings settings,
            Clock clock) {
        ProviderManager manager = new ProviderManager(
                new ThrottledLogin(directory, encoder, throttle, accounts, events, settings, clock));
        return manager;
    }
}
