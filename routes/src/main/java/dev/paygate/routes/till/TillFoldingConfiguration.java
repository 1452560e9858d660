package dev.paygate.routes.till;

import dev.paygate.ledger.TillCredits;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.BackUnitConfiguration.BackSchemas;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableScheduling
@EnableConfigurationProperties(TillFoldingProperties.class)
class TillFoldingConfiguration {

    @Bean
    TillCredits tillCredits(DataSource dataSource, BackSchemas schemas) {
        return new TillCredits(dataSource);
    }
}
