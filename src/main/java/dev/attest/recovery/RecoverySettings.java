package dev.attest.recovery;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 2FA reset's settings ({@code attest.recovery.*}).
 *
 * @param decisionWaitBusinessDays business days the marketplace usually takes to decide; past it the analyst
 *        follows up (default 2)
 * @param maxSubmissions submissions to the marketplace before a case goes to the specialist path (default 2)
 * @param recoveryUrls per marketplace, the https page where the analyst submits the identity document
 */
@ConfigurationProperties(prefix = "attest.recovery")
public record RecoverySettings(@DefaultValue("2") int decisionWaitBusinessDays, @DefaultValue("2") int maxSubmissions,
        Map<String, String> recoveryUrls) {

    public RecoverySettings {
        if (decisionWaitBusinessDays < 1) {
            throw new IllegalArgumentException("attest.recovery.decision-wait-business-days must be at least 1, not "
                    + decisionWaitBusinessDays);
        }
        if (maxSubmissions < 1) {
            throw new IllegalArgumentException("attest.recovery.max-submissions must be at least 1, not "
                    + maxSubmissions);
        }
        recoveryUrls = recoveryUrls == null ? Map.of() : Map.copyOf(new TreeMap<>(recoveryUrls));
        recoveryUrls.forEach((marketplace, url) -> {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("attest.recovery.recovery-urls." + marketplace
                        + " must be an https address, not '" + url + "'");
            }
        });
    }
}
