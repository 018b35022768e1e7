package dev.attest.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user on whose behalf the current thread works, read from Spring Security's context.
 *
 * @param username the login name
 * @param roles the user's roles
 */
public record CurrentUser(String username, Set<Role> roles) {

    /** The authenticated user, if any. */
    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return Optional.of(new CurrentUser(auth.getName(), roles));
    }

    /** The authenticated user; fails when nobody is authenticated. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                "Not authenticated"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The engine's candidate groups of this user's roles. */
    public List<String> groups() {
        return roles.stream().map(Role::group).sorted().toList();
    }
}
