package dev.paygate.gateway.runtime;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One log line that says the gateway is ready, how long it took, and where to point a browser. */
@Component
record StartupReport(PaygateRuntimeProperties runtime) {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    /** First of the ready lines; others (the operator console's) follow it. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        long startupMillis = event.getTimeTaken().toMillis();
        long jvmUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int port = web.getWebServer().getPort();
            log.info("Paygate ready in {} ms (JVM up {} ms) on http://localhost:{}/ ; health at http://localhost:{}/actuator/health",
                    startupMillis, jvmUptimeMillis, port, port);
            if (!runtime.demoShopUrl().isBlank()) {
                log.info("Open the demo shop at {} and buy as alice / alice-demo-pass (see README, \"Try it\")",
                        runtime.demoShopUrl());
            }
        } else {
            log.info("Paygate back unit ready in {} ms (JVM up {} ms)", startupMillis, jvmUptimeMillis);
        }
    }
}
