package dev.attest.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.attest.AttestSettings;
import dev.attest.identity.Role;

/**
 * Creates the first users at start-up. In demo mode: the demo users, each with password {@code demo}.
 * Otherwise: one {@code admin} from {@code ATTEST_ADMIN_PASSWORD} when the database has no user yet,
 * and no user at all when that is not set. There is never a default password outside demo mode.
 */
@Component
@EnableConfigurationProperties(BootstrapAdminSettings.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);
    static final String DEMO_PASSWORD = "demo";

    private final UserAccounts accounts;
    private final JpaUserDirectory directory;
    private final boolean demo;
    private final String adminPassword;

    UserBootstrap(UserAccounts accounts, JpaUserDirectory directory,
            AttestSettings attest, BootstrapAdminSettings admin) {
        this.accounts = accounts;
        this.directory = directory;
        this.demo = attest.demoMode();
        this.adminPassword = admin.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.findAll().stream().map(UserAccount::getUsername)
                .filter(name -> UserAccount.RESERVED_USERNAMES.contains(name.toLowerCase(Locale.ROOT)))
                .forEach(name -> log.warn("The account '{}' has a name Attest uses itself (in the audit trail, for "
                        + "uploads): its records cannot be told from Attest's own. Disable it and create another.", name));
        if (demo) {
            demoUsers().forEach((username, user) -> {
                if (!accounts.existsByUsername(username)) {
                    directory.createAtStartup(username, DEMO_PASSWORD, user.displayName(), user.roles(), DEMO_PASSWORD.length());
                }
            });
            log.warn("Demo mode: demo users {} exist with password '{}'. Never run demo mode in production.",
                    demoUsers().keySet(), DEMO_PASSWORD);
            return;
        }
        if (accounts.count() == 0) {
            if (adminPassword == null || adminPassword.isBlank()) {
                log.warn("No user exists and ATTEST_ADMIN_PASSWORD is not set: nobody can log in until an administrator is created.");
            } else {
                directory.createAtStartup("admin", adminPassword, "Administrator", EnumSet.of(Role.ADMIN),
                        JpaUserDirectory.MIN_PASSWORD_LENGTH);
                log.info("Created the first administrator 'admin' from ATTEST_ADMIN_PASSWORD.");
            }
        }
    }

    record DemoUser(String displayName, Set<Role> roles) {
    }

    static Map<String, DemoUser> demoUsers() {
        Map<String, DemoUser> users = new LinkedHashMap<>();
        users.put("analyst", new DemoUser("Ana Lyst", EnumSet.of(Role.ANALYST)));
        users.put("senior", new DemoUser("Sam Senior", EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST)));
        users.put("manager", new DemoUser("Mia Manager", EnumSet.of(Role.MANAGER)));
        users.put("designer", new DemoUser("Dee Designer", EnumSet.of(Role.DESIGNER)));
        users.put("admin", new DemoUser("Adam Admin", EnumSet.of(Role.ADMIN)));
        users.put("intake", new DemoUser("Ian Intake", EnumSet.of(Role.INTAKE)));
        return users;
    }
}
