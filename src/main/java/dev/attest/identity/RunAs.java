package dev.attest.identity;

import java.util.Arrays;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a piece of work as a given user, for work that starts outside a request (start-up data,
 * scheduled jobs). The previous security context is restored afterwards.
 */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T user(String username, Supplier<T> work, Role... roles) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void user(String username, Runnable work, Role... roles) {
        user(username, () -> {
            work.run();
            return null;
        }, roles);
    }
}
