package dev.paygate.routes.back;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.LedgerSchema;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.messages.MessageJournal;
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
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The back unit's memory: ledger, register, vault, parties, STANs, all on one PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableConfigurationProperties(VaultProperties.class)
public class BackUnitConfiguration {

    /** Both back-unit schemas are current before any bean touches them. */
    public record BackSchemas() {
    }

    @Bean
    BackSchemas backSchemas(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        ReversalSchema.migrate(dataSource);
        return new BackSchemas();
    }

    @Bean
    VaultKeys vaultKeys(VaultProperties properties) throws IOException {
        return VaultKeyLoader.load(properties);
    }

    @Bean
    CardVault cardVault(DataSource dataSource, VaultKeys keys, BackSchemas schemas) {
        return new CardVault(dataSource, keys);
    }

    @Bean
    PaymentRegister paymentRegister(DataSource dataSource, BackSchemas schemas) {
        return new PaymentRegister(dataSource);
    }

    @Bean
    Refunds refunds(DataSource dataSource, BackSchemas schemas) {
        return new Refunds(dataSource);
    }

    @Bean
    WalletTopUps walletTopUps(DataSource dataSource, BackSchemas schemas) {
        return new WalletTopUps(dataSource);
    }

    @Bean
    CustomerRecords customerRecords(DataSource dataSource, BackSchemas schemas) {
        return new CustomerRecords(dataSource);
    }

    @Bean
    MerchantRecords merchantRecords(DataSource dataSource, BackSchemas schemas) {
        return new MerchantRecords(dataSource);
    }

    @Bean
    Accounts accounts(DataSource dataSource, BackSchemas schemas) {
        return new Accounts(dataSource);
    }

    @Bean
    SweepHistory sweepHistory(DataSource dataSource, BackSchemas schemas) {
        return new SweepHistory(dataSource);
    }

    @Bean
    DatabaseStanSequence stanSequence(DataSource dataSource, BackSchemas schemas) {
        return new DatabaseStanSequence(dataSource);
    }

    @Bean
    MessageJournal messageJournal(DataSource dataSource, BackSchemas schemas) {
        return new MessageJournal(dataSource);
    }
}
