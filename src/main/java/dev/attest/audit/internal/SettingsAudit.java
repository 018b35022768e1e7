package dev.attest.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.audit.AuditTrail;

/**
 * Settings changes are audited: at start-up Attest's own settings ({@code attest.*}, wherever they come from: the
 * configuration file, environment variables, command line) are compared with those of the last start, and what
 * was added, removed or changed is recorded as one SETTINGS_CHANGED record by "system". Secrets (passwords,
 * keys, tokens) are never read. Two nodes starting together record a change once: the comparison runs under the
 * audit chain's lock.
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
            Map<String, String> before = new TreeMap<>();
            settings.findAll().forEach(a -> before.put(a.getName(), a.getValue()));
            List<String> changes = new ArrayList<>();
            for (var e : now.entrySet()) {
                String old = before.get(e.getKey());
                if (old == null) {
                    changes.add(e.getKey() + " = " + e.getValue());
                    settings.save(new AuditSetting(e.getKey(), e.getValue()));
                } else if (!old.equals(e.getValue())) {
                    changes.add(e.getKey() + ": " + old + " → " + e.getValue());
                    settings.findById(e.getKey()).orElseThrow().setValue(e.getValue());
                }
            }
            for (String gone : before.keySet()) {
                if (!now.containsKey(gone)) {
                    changes.add(gone + " removed (was " + before.get(gone) + ")");
                    settings.deleteById(gone);
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
     * Every non-secret {@code attest.*} setting, resolved as the application sees it, under the name it was given
     * (environment variables under the name they bind to: {@code ATTEST_ZONE} is {@code attest.zone}).
     */
    static Map<String, String> current(Environment environment) {
        Map<String, String> found = new TreeMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return found;
        }
        Binder binder = Binder.get(environment);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean named = source.getUnderlyingSource() instanceof EnumerablePropertySource<?>
                    && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource);
            java.util.stream.Stream<String> names = named
                    ? java.util.Arrays.stream(((EnumerablePropertySource<?>) source.getUnderlyingSource())
                            .getPropertyNames())
                    : iterable.stream().map(Object::toString);
            names.filter(name -> name.startsWith("attest.") && !SECRET.matcher(name).find())
                    .forEach(name -> {
                        if (found.containsKey(name)) {
                            return;
                        }
                        try {
                            String value = named ? environment.getProperty(name)
                                    : binder.bind(name, String.class).orElse(null);
                            if (value != null) {
                                found.put(name, value.length() <= MAX_VALUE ? value
                                        : value.substring(0, MAX_VALUE - 1) + "…");
                            }
                        } catch (RuntimeException e) {
                            log.debug("Setting {} not readable as text: {}", name, e.getMessage());
                        }
                    });
        }
        return found;
    }
}
