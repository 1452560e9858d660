package dev.paygate.ledger.sweep;

import dev.paygate.ledger.party.BankAccount;
import java.util.Objects;

/** The payment server operator's own account, from which the merchants' bank pays them. */
public record SettlementDebtor(String name, BankAccount account) {

    public SettlementDebtor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the settlement debtor needs a name");
        }
    }
}
