package org.baiti.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The port the separate management server ({@code management.server.port}) really listens on, learned when it
 * starts (the setting may be 0: any free port). A request that came in on it may read the metrics without
 * credentials (docs/api.md, "Operations"); without a separate management server, no request did.
 */
@Component
class ManagementPort {

    private volatile int port = -1;

    @EventListener
    void started(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    boolean cameIn(HttpServletRequest request) {
        int p = port;
        return p > 0 && request.getLocalPort() == p;
    }
}
