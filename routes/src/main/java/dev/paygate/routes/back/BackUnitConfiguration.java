package dev.paygate.routes.back;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.LedgerSchema;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.sweep.SweepHistory;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultKeys;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.reversal.ReversalSchema;
import java.beans.Introspector;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/** The back unit's memory: ledger, register, vault, parties, STANs, all on one PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableConfigurationProperties(VaultProperties.class)
@Import(BackUnitConfiguration.LedgerStores.class)
public class BackUnitConfiguration {

    /** ledger-service's stores, each built from the {@link DataSource} (the vault also from its keys). */
    static final List<Class<?>> LEDGER_STORES = List.of(PaymentRegister.class, Refunds.class, WalletTopUps.class,
            CustomerRecords.class, MerchantRecords.class, Accounts.class, SweepHistory.class,
            DatabaseStanSequence.class, CardVault.class);
    static final String SCHEMAS = "backSchemas";

    /** Both back-unit schemas are current before any bean touches them. */
    public record BackSchemas() {
    }

    @Bean(SCHEMAS)
    BackSchemas backSchemas(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        ReversalSchema.migrate(dataSource);
        return new BackSchemas();
    }

    @Bean
    VaultKeys vaultKeys(VaultProperties properties) throws IOException {
        return VaultKeyLoader.load(properties);
    }

    /** One bean per ledger store, by constructor injection, each created only after the schemas are current. */
    static final class LedgerStores implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            for (Class<?> store : LEDGER_STORES) {
                RootBeanDefinition definition = new RootBeanDefinition(store);
                definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                definition.setDependsOn(SCHEMAS);
                registry.registerBeanDefinition(Introspector.decapitalize(store.getSimpleName()), definition);
            }
        }
    }
}
