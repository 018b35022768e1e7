package dev.attest.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.audit.AuditTrail;

/**
 * Settings changes are audited: at start-up Attest's own settings ({@code attest.*} from the configuration files,
 * system properties and the command line, {@code ATTEST_*} environment variables) are compared with those of the last start, and what
 * was added, removed or changed is recorded as one SETTINGS_CHANGED record by "system". Secrets (passwords,
 * keys, tokens) are never read. Two nodes starting together record a change once: the comparison runs under the
 * audit chain head's lock (which otherwise only the chainer takes).
 */
@Component
class SettingsAudit {

    private static final Logger log = LoggerFactory.getLogger(SettingsAudit.class);
    private static final Pattern SECRET = Pattern.compile("password|secret|key|token|credential",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_VALUE = 1000;

    private final AuditSettings settings;
    private final AuditChainHeads heads;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    SettingsAudit(AuditSettings settings, AuditChainHeads heads, AuditTrail audit,
            PlatformTransactionManager transactions, AuditChainStart chainReady) {
        this.settings = settings;
        this.heads = heads;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationStartedEvent.class)
    void started(ApplicationStartedEvent event) {
        compare(event.getApplicationContext().getEnvironment());
    }

    /** Compares the environment's settings with the recorded ones; the change, if any, as the audit reason. */
    String compare(Environment environment) {
        Map<String, String> now = current(environment);
        return tx.execute(s -> {
            heads.lock(); // one node at a time
            Map<String, AuditSetting> before = new TreeMap<>();
            settings.findAll().forEach(a -> before.put(a.getName(), a));
            List<String> changes = new ArrayList<>();
            for (var e : now.entrySet()) {
                AuditSetting old = before.get(e.getKey());
                if (old == null) {
                    changes.add(e.getKey() + " = " + e.getValue());
                    settings.save(new AuditSetting(e.getKey(), e.getValue()));
                } else if (!old.getValue().equals(e.getValue())) {
                    changes.add(e.getKey() + ": " + old.getValue() + " → " + e.getValue());
                    old.setValue(e.getValue());
                }
            }
            for (AuditSetting gone : before.values()) {
                if (!now.containsKey(gone.getName())) {
                    changes.add(gone.getName() + " removed (was " + gone.getValue() + ")");
                    settings.delete(gone);
                }
            }
            if (changes.isEmpty()) {
                return null;
            }
            // the first start lists nothing (the audit reason holds 200 characters): the settings table has them
            String reason = before.isEmpty() ? "first start: " + now.size() + " settings recorded"
                    : String.join("; ", changes);
            audit.record(AuditTrail.Action.SETTINGS_CHANGED, "settings", null, reason);
            log.info("Settings changed since the last start: {}", reason);
            return reason;
        });
    }

    /**
     * Every non-secret {@code attest.*} setting, resolved as the application sees it, under the name it was given,
     * and every {@code ATTEST_*} environment variable under its own name (the name it binds to is ambiguous:
     * {@code ATTEST_SLA_WARN_AT} sets {@code attest.sla.warn-at}, which is listed with its effective value too).
     */
    static Map<String, String> current(Environment environment) {
        Map<String, String> found = new TreeMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return found;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            for (String name : enumerable.getPropertyNames()) {
                if (!name.startsWith(variables ? "ATTEST_" : "attest.") || SECRET.matcher(name).find()
                        || found.containsKey(name)) {
                    continue;
                }
                try {
                    Object value = variables ? source.getProperty(name) : environment.getProperty(name);
                    if (value != null) {
                        String text = value.toString();
                        found.put(name, text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…");
                    }
                } catch (RuntimeException e) {
                    log.debug("Setting {} not readable as text: {}", name, e.getMessage());
                }
            }
        }
        return found;
    }
}
