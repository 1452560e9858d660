package dev.paygate.routes.sweep;

import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.sweep.SettlementDebtor;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily sweep of merchant tills into their bank accounts (ISO 20022 pain.001 credit transfers).
 *
 * @param cron            when it runs, in UTC; it sweeps the UTC day that has just ended
 * @param debtorName      the account holder the credit transfers are paid from (the gateway operator)
 * @param debtorIban      that settlement account
 * @param outputDirectory where the settlement files are written for the bank
 */
@ConfigurationProperties("paygate.sweep")
public record SweepProperties(
        @DefaultValue("0 15 0 * * *") String cron,
        @DefaultValue("Paygate Settlement") String debtorName,
        @DefaultValue("DE02120300000000202051") String debtorIban,
        @DefaultValue("BYLADEM1001") String debtorBic,
        @DefaultValue("data/settlement") Path outputDirectory) {

    /** The account the settlement files pay the merchants from. */
    public SettlementDebtor debtor() {
        return new SettlementDebtor(debtorName, new BankAccount(debtorIban, debtorBic));
    }
}
