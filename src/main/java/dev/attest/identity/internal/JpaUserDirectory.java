package dev.attest.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.Role;
import dev.attest.identity.StaffMember;
import dev.attest.identity.UserDirectory;

/**
 * Users stored in Attest's database; also the source of users of the login ({@link ThrottledLogin}). Not a
 * {@code UserDetailsService} bean: Spring Security would build an unthrottled login of its own from one.
 */
@Service
class JpaUserDirectory implements UserDirectory {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ZoneId zone;

    JpaUserDirectory(UserAccounts accounts, PasswordEncoder passwordEncoder, Clock clock, ZoneId zone) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .disabled(!account.isEnabled())
                .authorities(account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<String, String> displayNames(Collection<String> usernames) {
        List<String> wanted = usernames.stream().filter(u -> u != null).distinct().toList();
        Map<String, String> names = new HashMap<>();
        wanted.forEach(u -> names.put(u, u));
        if (!wanted.isEmpty()) {
            accounts.findByUsernameIn(wanted).forEach(a -> names.put(a.getUsername(), a.getDisplayName()));
        }
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayTake(String username, java.util.Collection<Role> roles) {
        return username != null && accounts.findByUsername(username)
                .filter(a -> a.isEnabled() && a.getRoles().stream().anyMatch(roles::contains)).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> staff(Collection<Role> roles) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return accounts.findByEnabledTrue().stream()
                .filter(a -> a.getRoles().stream().anyMatch(roles::contains))
                .sorted(Comparator.comparing(UserAccount::getUsername))
                .map(a -> new StaffMember(a.getUsername(), a.getDisplayName(), a.getRoles(),
                        a.isAwayOn(today) ? a.getAwayUntil() : null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> awayUntil(String username) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return username == null ? Optional.empty() : accounts.findByUsername(username)
                .filter(a -> a.isAwayOn(today)).map(UserAccount::getAwayUntil);
    }

    /**
     * Creates an account at start-up (demo users, the first administrator from its configured password); later
     * accounts are created by administrators through {@code UserAdministration}, with generated passwords.
     */
    @Transactional
    void createAtStartup(String username, String rawPassword, String displayName, Set<Role> roles, int minLength) {
        String problem = UserAccount.usernameProblem(username);
        if (problem != null || !username.equals(username.strip())) {
            throw new IllegalArgumentException("The user name " + (problem == null ? "must not have spaces" : problem));
        }
        if (accounts.existsByUsername(username)) {
            throw new IllegalArgumentException("User name already taken: " + username);
        }
        if (rawPassword == null || rawPassword.length() < minLength) {
            throw new IllegalArgumentException("Passwords need at least " + minLength + " characters");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        accounts.save(new UserAccount(username, passwordEncoder.encode(rawPassword), displayName, roles));
    }
}
