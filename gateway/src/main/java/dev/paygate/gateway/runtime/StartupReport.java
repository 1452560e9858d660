package dev.paygate.gateway.runtime;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One log line that says the gateway is ready, how long it took, and where to point a browser. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        long startupMillis = event.getTimeTaken().toMillis();
        long jvmUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int port = web.getWebServer().getPort();
            log.info("Paygate ready in {} ms (JVM up {} ms). Open http://localhost:{}/ ; health at http://localhost:{}/actuator/health",
                    startupMillis, jvmUptimeMillis, port, port);
        } else {
            log.info("Paygate back unit ready in {} ms (JVM up {} ms)", startupMillis, jvmUptimeMillis);
        }
    }
}
