package dev.attest.communication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where clients reach Attest: {@code attest.portal.public-url} when set, otherwise the address Attest was started
 * on ({@code http://localhost} with the port the web server actually listens on and the context path), so that
 * the links a newcomer's demo sends can be followed on the same machine.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final String configured;
    private final String contextPath;
    private volatile String started;

    PublicAddress(PortalSettings settings, @Value("${server.port:8080}") String port,
            @Value("${server.servlet.context-path:}") String contextPath) {
        this.configured = settings.publicUrl();
        this.contextPath = contextPath == null || contextPath.equals("/") ? "" : contextPath.replaceAll("/+$", "");
        int p;
        try {
            p = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            p = 8080;
        }
        this.started = local(p <= 0 ? 8080 : p);
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        if (port > 0) {
            started = local(port);
        }
        if (configured.isEmpty()) {
            log.info("Upload links start with {} (set ATTEST_PUBLIC_URL, attest.portal.public-url, to the address "
                    + "clients reach Attest at)", started);
        }
    }

    /** The base address, without a trailing slash. */
    public String url() {
        return configured.isEmpty() ? started : configured;
    }

    private String local(int port) {
        return "http://localhost:" + port + contextPath;
    }
}
