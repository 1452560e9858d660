package dev.paygate.ledger.register;

import dev.paygate.ledger.TransferKind;
import java.time.Instant;

/**
 * One transfer a register entry caused (its payment, refunds, a card reversal), with its accounts by code, as a
 * dispute needs to see it: what moved, from where to where, when.
 *
 * @param debitAccount  the account code money left, e.g. {@code wallet:alice} or {@code system:card-clearing:EUR}
 * @param creditAccount the account code money reached
 */
public record Posting(long transferId, TransferKind kind, String debitAccount, String creditAccount, long amountMinor,
                      String currency, Instant postedAt) {
}
