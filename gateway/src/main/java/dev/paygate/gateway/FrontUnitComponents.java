package dev.paygate.gateway;

import dev.paygate.routes.FrontUnit;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The front unit's pages, endpoints, authentication and vouchers: present in the all-in-one default and the
 * {@code front} profile, absent from a {@code back} process, which has no HTTP listener. They read the time from
 * the one UTC {@code Clock} of {@link dev.paygate.routes.RoutesConfiguration}; a test context may bring its own.
 */
@Configuration(proxyBeanMethods = false)
@FrontUnit
@ComponentScan({
        "dev.paygate.gateway.api",
        "dev.paygate.gateway.auth",
        "dev.paygate.gateway.customer",
        "dev.paygate.gateway.database",
        "dev.paygate.gateway.home",
        "dev.paygate.gateway.keys",
        "dev.paygate.gateway.merchant",
        "dev.paygate.gateway.merchantapi",
        "dev.paygate.gateway.merchantdashboard",
        "dev.paygate.gateway.payment",
        "dev.paygate.gateway.security",
        "dev.paygate.gateway.ticket",
        "dev.paygate.gateway.voucher",
        "dev.paygate.gateway.webhook"})
class FrontUnitComponents {
}
