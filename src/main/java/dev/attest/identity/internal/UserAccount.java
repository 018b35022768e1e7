package dev.attest.identity.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.attest.identity.Role;

/** A person who can log in to Attest. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    /** User names: 2–64 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter. */
    public static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{1,63}";
    public static final String USERNAME_RULE = "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', "
            + "starting with a letter";

    /**
     * Names Attest itself writes where a user name stands (the audit trail's actor, an uploader, a principal), so that
     * no account can pass for them: "system" (unattended work), "client" and "portal" (uploads through a link),
     * "anonymous" and "anonymoususer" (nobody logged in), "engine", "scheduler", Camunda's "camunda", "camunda-admin"
     * and "demo", words that read as nobody ("nobody", "unknown", "null", "none", "you"), and "me" (the API's
     * {@code /users/me}).
     */
    public static final Set<String> RESERVED_USERNAMES = Set.of("system", "client", "portal",
            "anonymous", "anonymoususer", "engine", "scheduler", "camunda", "camunda-admin", "demo", "nobody", "unknown",
            "null", "none", "you", "me");

    /**
     * What is wrong with a user name for a new account, or {@code null} when it may be used. Reserved names are
     * compared as typed, after Unicode normalisation (NFKC), trimming and in any case, so that no spelling of
     * them passes.
     */
    public static String usernameProblem(String username) {
        if (username == null) {
            return "must be " + USERNAME_RULE;
        }
        String folded = Normalizer.normalize(username, Normalizer.Form.NFKC).strip()
                .toLowerCase(Locale.ROOT);
        if (RESERVED_USERNAMES.contains(folded)) {
            return "is reserved: Attest writes '" + folded + "' where a user name stands (the audit trail, uploads)";
        }
        return username.strip().matches(USERNAME_PATTERN) ? null : "must be " + USERNAME_RULE;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(nullable = false, length = 100)
    private String passwordHash;

    @Column(nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private Instant createdAt = Instant.now();

    /** When an administrator last gave the account a new password: browser sessions from before it end. */
    private Instant passwordChangedAt;

    /** The last day the user is away (given no new work), or {@code null} when they are not. */
    private LocalDate awayUntil;

    /** Where the daily digest of unread notifications goes, or {@code null} (then none is sent). */
    @Column(length = 254)
    private String email;

    /** When the user's last digest was claimed for sending (see {@link UserAccounts#claimDigest}). */
    private Instant lastDigestAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "role", nullable = false, length = 32)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String displayName, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = EnumSet.copyOf(roles);
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** A new password: sessions opened before now end at their next request. */
    public void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getAwayUntil() {
        return awayUntil;
    }

    /** Away through that day (inclusive), or available again with {@code null}. */
    public void setAwayUntil(LocalDate awayUntil) {
        this.awayUntil = awayUntil;
    }

    /** Whether the user is away on that day. */
    public boolean isAwayOn(LocalDate day) {
        return awayUntil != null && !awayUntil.isBefore(day);
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** The address of the user's digest, or {@code null}. */
    public String getEmail() {
        return email;
    }

    /** Sets (or with {@code null} clears) the address; the caller validated it. */
    public void setEmail(String email) {
        this.email = email;
    }

    public Instant getLastDigestAt() {
        return lastDigestAt;
    }
}
