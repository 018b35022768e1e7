package dev.attest.screening.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.attest.AttestSettings;
import dev.attest.screening.SanctionsLists;
import dev.attest.screening.ScreeningSettings;
import dev.attest.validation.InvalidInputException;

/**
 * Reads the configured list files ({@code attest.screening.sources}) at start-up and every night
 * ({@code attest.screening.nightly-cron} in {@code attest.zone}). A file unchanged since it was loaded loads nothing;
 * a refused or missing file is logged and leaves the version in force. Every node does this; two nodes reading the
 * same new file race on the version number and one of them loads it.
 */
@Component
class ListSources {

    private static final Logger log = LoggerFactory.getLogger(ListSources.class);

    private final SanctionsLists lists;
    private final ScreeningSettings settings;

    ListSources(SanctionsLists lists, ScreeningSettings settings) {
        this.lists = lists;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        loadAll();
    }

    @Scheduled(cron = "${attest.screening.nightly-cron:" + ScreeningSettings.DEFAULT_CRON + "}",
            zone = "${attest.zone:" + AttestSettings.DEFAULT_ZONE + "}")
    void nightly() {
        loadAll();
    }

    /** Loads every configured file; returns how many came into force as new versions. */
    int loadAll() {
        int loaded = 0;
        for (ScreeningSettings.Source source : settings.sources()) {
            try {
                var version = lists.loadConfigured(source);
                if (version.isPresent()) {
                    loaded++;
                    log.info("Sanctions list {} version {} loaded from {}: {} entries, {} added, {} removed, {} changed",
                            version.get().list(), version.get().number(), source.path(), version.get().entries(),
                            version.get().added(), version.get().removed(), version.get().changed());
                } else {
                    log.debug("Sanctions list file {} unchanged", source.path());
                }
            } catch (InvalidInputException e) {
                log.error("Sanctions list file {} refused, the version in force stays: {}", source.path(),
                        e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            } catch (Exception e) {
                log.error("Sanctions list file {} could not be loaded, the version in force stays: {}", source.path(),
                        e.toString());
            }
        }
        return loaded;
    }
}
