package dev.paygate.ledger.register;

import java.util.Objects;

/**
 * The outcome of a wallet payment.
 *
 * @param replayed true when the ticket had been registered before: the entry is the first outcome
 *                 and this call moved nothing
 */
public record WalletSettlement(RegisterEntry entry, boolean replayed) {

    public WalletSettlement {
        Objects.requireNonNull(entry, "entry");
    }

    public boolean approved() {
        return entry.approved();
    }
}
