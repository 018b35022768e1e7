package dev.attest.operations;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts business events ({@code attest_cases_opened_total}, {@code attest_cases_closed_total},
 * {@code attest_sla_escalations_total}, {@code attest_mails_total}, …). A count inside a transaction is taken
 * when the transaction commits, so work that rolls back is not counted.
 */
@Component
public class BusinessMetrics {

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Adds one to a counter, after the current transaction commits (at once without one).
     *
     * @param tags name, value, name, value, …
     */
    public void count(String name, String... tags) {
        Runnable increment = () -> registry.counter(name, tags).increment();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    increment.run();
                }
            });
        } else {
            increment.run();
        }
    }
}
