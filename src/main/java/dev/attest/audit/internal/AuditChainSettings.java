package dev.attest.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit trail's hash chain is linked ({@code attest.audit.*}; docs/processes.md, "Audit trail").
 *
 * @param chainInterval how often the chainer looks for records other nodes wrote (default 2 s; 1 ms to 10 minutes)
 * @param chainDelay how long after a commit the records are linked, all that committed meanwhile in one batch
 *        (default 200 ms; at most the interval)
 */
@ConfigurationProperties(prefix = "attest.audit")
public record AuditChainSettings(@DefaultValue("2s") Duration chainInterval, @DefaultValue("200ms") Duration chainDelay) {

    public AuditChainSettings {
        if (chainInterval == null || chainInterval.isNegative() || chainInterval.isZero()
                || chainInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("attest.audit.chain-interval must be between 1 ms and 10 minutes, not "
                    + chainInterval);
        }
        if (chainDelay == null || chainDelay.isNegative() || chainDelay.compareTo(chainInterval) > 0) {
            throw new IllegalArgumentException("attest.audit.chain-delay must be between 0 and the chain interval ("
                    + chainInterval + "), not " + chainDelay);
        }
    }
}
