package dev.paygate.gateway.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Right after the "Paygate ready" line, at every start: where the operator console is and, while the embedded
 * default's generated password is still in use, how to sign in (the password was logged once, at the first start;
 * {@code bin/paygate-operator set-password} replaces it).
 */
@Component
@AllInOne
class OperatorConsoleReport {

    private static final Logger log = LoggerFactory.getLogger(OperatorConsoleReport.class);

    private final OperatorAccounts accounts;

    OperatorConsoleReport(OperatorAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String console = "http://localhost:" + web.getWebServer().getPort() + "/operator";
        accounts.generated().filter(generated -> !generated.passwordSetByOperator()).ifPresentOrElse(
                generated -> log.info("Operator console at {}: user '{}' with the password logged at the first start"
                                + " (only its hash is kept in {}); set your own with bin/paygate-operator set-password",
                        console, generated.account().username(), generated.file()),
                () -> log.info("Operator console at {}", console));
    }
}
