package dev.paygate.gateway.operator;

import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.BackUnitConfiguration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The invariant check wherever the back unit runs, including a back-only process, where the actuator
 * endpoint over JMX is the operators' way in (issue 4).
 */
@Configuration(proxyBeanMethods = false)
@BackUnit
class LedgerInvariantsConfiguration {

    @Bean
    LedgerInvariants ledgerInvariants(DataSource dataSource, BackUnitConfiguration.BackSchemas schemas) {
        return new LedgerInvariants(dataSource);
    }

    @Bean
    LedgerInvariantsEndpoint ledgerInvariantsEndpoint(LedgerInvariants invariants) {
        return new LedgerInvariantsEndpoint(invariants);
    }
}
